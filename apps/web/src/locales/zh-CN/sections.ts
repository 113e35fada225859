/** Section titles and the honest "coming soon" text of sections that are not built yet. */
export default {
  home: { title: '工作台' },
  calendar: {
    title: '内容日历',
    comingSoon: '内容日历将在发布功能上线后显示所有排期和已发布的稿件，按日、周、月查看各账号的发布安排。',
  },
  posts: {
    title: '稿件',
    comingSoon: '稿件功能将在发布模块上线后开放：一次撰写、按渠道调整，经内容安全检查后提交初审和终审。',
  },
  review: {
    title: '审核',
    comingSoon: '审核功能将在发布模块上线后开放：待您初审或终审的稿件和内容安全提示将集中显示在这里。',
  },
  inbox: {
    title: '互动',
    comingSoon:
      '互动功能将在采集模块上线后开放：各渠道的评论、私信和网站留言将汇总到这里，分类、交办并在期限内答复。',
  },
  topics: {
    title: '热点',
    comingSoon: '热点功能将在采集模块上线后开放：从公众留言和订阅源中发现热点，并跟踪回应是否及时。',
  },
  dashboard: {
    title: '数据看板',
    comingSoon:
      '数据看板将在统计模块上线后显示发布数、原创数、回复率、办结率等指标，可按单位、账号和月份查看，并支持大屏模式。',
  },
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
