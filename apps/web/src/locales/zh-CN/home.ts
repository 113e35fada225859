export default {
  greeting: '{name}，您好',
  intro: '欢迎使用阳光政务新媒体运营台。以下是您的角色、负责范围和常用功能。',
  rolesTitle: '我的角色与负责范围',
  scope: '负责范围：{department}及下属单位',
  quickLinks: '常用功能',
  noRoles: '您的账号尚未分配角色，请联系系统管理员。',
};
