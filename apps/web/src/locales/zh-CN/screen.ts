/** 大屏: the dashboard on the meeting-room screen — dark, large, refreshing and rotating by itself. */
export default {
  title: '{department}新媒体运营数据',
  period: '{from} 至 {to}',
  updatedAt: '数据更新于 {time}',
  nextRefresh: '每 {n} 秒自动刷新',
  fullscreen: '全屏',
  exitFullscreen: '退出全屏',
  back: '返回看板',
  fullscreenDenied: '浏览器未允许全屏，请按 F11 或在浏览器菜单中切换全屏。',
  panels: {
    trend: '原创与转发月度趋势',
    ranking: '部门发布排名',
    channels: '渠道对比',
    quota: '栏目更新达标率',
    health: '账号状态',
  },
  stale: '超期未更新账号',
  failing: '采集异常账号',
  none: '无',
  empty: '所选单位在这段时间内还没有统计数据。请在数据看板中选择其他单位或时间范围后再进入大屏。',
};
