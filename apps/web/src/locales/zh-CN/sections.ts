/** Section titles and the honest "coming soon" text of sections that are not built yet. */
export default {
  home: { title: '工作台' },
  calendar: { title: '内容日历' },
  posts: { title: '稿件' },
  review: { title: '审核' },
  inbox: {
    title: '互动',
    comingSoon:
      '互动功能将在采集模块上线后开放：各渠道的评论、私信和网站留言将汇总到这里，分类、交办并在期限内答复。',
  },
  topics: {
    title: '热点',
    comingSoon: '热点功能将在采集模块上线后开放：从公众留言和订阅源中发现热点，并跟踪回应是否及时。',
  },
  dashboard: { title: '数据看板' },
  quotas: { title: '栏目考核' },
  reports: {
    title: '年度报表',
    comingSoon:
      '年度报表将在统计模块上线后开放：按年度生成、核对并冻结《政府网站与政务新媒体工作年度报表》，导出 Excel、Word 和 CSV。',
  },
  channels: { title: '账号与栏目' },
  organization: { title: '用户与部门' },
  safety: { title: '敏感词库' },
  audit: { title: '审计日志' },
  comingSoonTitle: '功能建设中',
};
