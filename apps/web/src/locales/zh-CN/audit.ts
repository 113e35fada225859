export default {
  title: '审计日志',
  readOnly: '审计日志只读、不可修改，记录所有登录、授权和管理操作。时间均为北京时间。',
  username: '用户名',
  usernamePlaceholder: '完整用户名',
  action: '操作',
  result: '结果',
  dateRange: '日期',
  startDate: '开始日期',
  endDate: '结束日期',
  any: '全部',
  columns: {
    at: '时间',
    user: '用户',
    ip: 'IP 地址',
    action: '操作',
    target: '对象',
    result: '结果',
    detail: '详情',
  },
  anonymous: '（未登录）',
  /** Kinds of audited objects the server names today; an unknown kind is shown as sent. */
  targetTypes: {
    user: '用户',
    department: '部门',
    route: '接口',
  },
};
