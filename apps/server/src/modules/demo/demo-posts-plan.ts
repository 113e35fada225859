// The recent posts of the demo organisation that went through Sunlight itself: written by the demo editors,
// reviewed by demo_reviewer (初审) and demo_approver (终审), some out at once, some scheduled for the coming
// days so the content calendar shows them. 南湖分局's WeChat account is left out on purpose: it is the
// demo's 超期未更新 account.
// Weibo texts link to a gov.cn page: the platform takes only links to domains bound to the app.

export interface DemoPostPlan {
  /** Remembered once written, so a restart never writes it again. */
  key: string;
  author: string;
  title: string;
  body: string;
  tags: string[];
  /** Accounts by name, with the portal column by code. */
  targets: { account: string; column?: string }[];
  /** Goes out after 终审 at once, or on a later day (Asia/Shanghai) at the given hour. */
  scheduled?: { inDays: number; hour: number };
  reviewComment: string;
}

export const demoPostPlans: DemoPostPlan[] = [
  {
    key: 'winter-road-safety',
    author: 'demo_editor',
    title: '冬季道路交通安全出行提示',
    body:
      '<p>入冬以来早晚气温低，部分路段易结冰、起团雾。请驾驶人减速慢行、保持车距，出行前关注路况信息 https://gaj.shifan.gov.cn/jgxx/</p>' +
      '<p>遇交通事故请及时报警，并在车后方设置警示标志，人员转移到安全地带。</p>',
    tags: ['交通安全', '冬季出行'],
    targets: [{ account: '平安示范' }, { account: '示范公安' }],
    reviewComment: '内容准确，同意发布。',
  },
  {
    key: 'fraud-alert-rebate',
    author: 'demo_editor',
    title: '警惕“刷单返利”类电信网络诈骗',
    body:
      '<p>近期，我市发生多起“刷单返利”类电信网络诈骗案件。骗子以“足不出户、日赚数百”为诱饵，先小额返利取得信任，再以“任务未完成”“账户被冻结”等理由诱导受害人不断转账。</p>' +
      '<p>警方提示：所有刷单都是诈骗；不点击陌生链接，不下载陌生软件；如遇可疑情况，请拨打110或96110咨询。</p>',
    tags: ['反诈', '警方提示'],
    targets: [{ account: '示范市公安局门户网站', column: 'jfts' }],
    reviewComment: '同意。',
  },
  {
    key: 'dongcheng-night-patrol',
    author: 'demo_editor_dongcheng',
    title: '东城分局加强夜间巡逻防控',
    body: '<p>本月起，东城分局在商圈、学校周边和老旧小区增派夜间巡逻警力，提升见警率和管事率。群众如有需求，可就近联系巡逻民警 https://gaj.shifan.gov.cn/dcfj/</p>',
    tags: ['巡逻防控'],
    targets: [{ account: '东城公安' }, { account: '东城警方' }],
    reviewComment: '同意发布。',
  },
  {
    key: 'xicheng-open-day',
    author: 'demo_editor_xicheng',
    title: '西城分局“警营开放日”活动预告',
    body: '<p>西城分局将于本周举办“警营开放日”活动，邀请辖区群众走进警营，参观指挥中心、体验警用装备，现场还有反诈知识讲解。报名方式见 https://gaj.shifan.gov.cn/xcfj/</p>',
    tags: ['警营开放日'],
    targets: [{ account: '西城公安' }, { account: '西城警方' }],
    scheduled: { inDays: 2, hour: 10 },
    reviewComment: '活动信息已核实，同意按计划发布。',
  },
  {
    key: 'public-security-law-guide',
    author: 'demo_editor',
    title: '新修订治安管理处罚法要点解读',
    body: '<p>新修订的《中华人民共和国治安管理处罚法》已施行。本文梳理修订要点，包括未成年人保护、当场处罚程序和听证制度等内容，便于群众了解与遵守 https://gaj.shifan.gov.cn/zcfg/</p>',
    tags: ['政策解读'],
    targets: [{ account: '示范市公安局门户网站', column: 'zcfg' }, { account: '平安示范' }],
    scheduled: { inDays: 3, hour: 15 },
    reviewComment: '解读口径与上级发布一致，同意。',
  },
];
