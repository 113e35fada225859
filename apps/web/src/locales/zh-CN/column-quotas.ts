/** 栏目考核: done vs target per column and period. */
export default {
  description:
    '按各栏目的更新要求逐期统计已发布条数，格中为“已更新/要求”：绿色为达标，红色为未达标（本期进行中的也标红，提醒及时更新）。',
  filters: {
    period: '考核周期',
    allPeriods: '全部周期',
    department: '部门',
    departmentPlaceholder: '全部部门',
    refresh: '刷新',
  },
  legend: {
    met: '达标',
    short: '未达标',
    overMax: '超出上限',
  },
  table: {
    column: '栏目',
    account: '所属账号',
    responsible: '责任部门',
    rule: '更新要求',
    current: '本期',
    previous: '上{n}期',
  },
  cell: {
    overMax: '超出上限',
    running: '进行中',
    title: '{period}：已更新 {done} 条，{outcome}',
  },
  periodName: {
    day: '{month}月{day}日',
    week: '{month}月{day}日–{endMonth}月{endDay}日',
    month: '{year}年{month}月',
    quarter: '{year}年第{quarter}季度',
  },
  empty: '还没有需要考核的栏目。请在「账号与栏目」中为门户网站的栏目设置栏目更新要求（例如每周至少1条）。',
  emptyFiltered: '所选部门或考核周期下没有需要考核的栏目，请更换筛选条件。',
  toChannels: '前往账号与栏目',
  summary: '共 {columns} 个栏目，本期已达标 {met} 个，未达标 {short} 个',
};
