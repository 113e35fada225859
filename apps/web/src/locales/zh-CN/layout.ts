export default {
  demoTag: '演示数据',
  demoTooltip: '本系统当前运行在演示数据上，数据均为模拟生成，仅供体验。',
  changePassword: '修改密码',
  logout: '退出登录',
  logoutFailed: '退出登录时服务器未响应，本地会话已清除',
  department: '所属单位',
  roles: '角色',
  roleScope: '{role}（{department}）',
  collapse: '收起菜单',
  expand: '展开菜单',
  forbidden: {
    title: '无权访问',
    description: '您的账号没有访问该页面的权限。如需使用，请联系系统管理员分配相应角色。',
    home: '返回工作台',
  },
  notFound: {
    title: '页面不存在',
    description: '您访问的地址不存在，可能已被移动或删除。',
  },
};
