// Events that set off bursts of public attention. During a burst most messages come from the event's
// own set, so its terms (追尾, 高架, 刷单 …) rise far above their baseline: something real for hot-topic
// detection to find.
import type { Category, Topic } from '../categories';

export interface EventDef {
  code: string;
  name: string;
  topic: Topic;
  /** Words that should dominate during the burst (tests check them). */
  terms: string[];
  messages: [Category, string][];
}

export const EVENTS: EventDef[] = [
  {
    code: 'viaduct-crash',
    name: '高架连环追尾',
    topic: 'traffic',
    terms: ['高架', '追尾'],
    messages: [
      ['help', '高架上好几辆车追尾了，现在完全堵死，有人受伤，救护车进不来！'],
      ['consult', '请问高架追尾事故现场什么时候能清理完？下匝道还能走吗？'],
      ['chatter', '高架上追尾的那几辆车看着好吓人，希望没人受重伤。'],
      ['complaint', '高架追尾堵了两个小时了，怎么没有人疏导？导航也不提示。'],
      ['suggestion', '高架上经常追尾，建议在{road}上匝道前加装测速和提示屏。'],
      ['consult', '我在高架追尾事故里是被追尾的一方，事故认定书去哪里领？'],
      ['praise', '高架追尾现场交警来得很快，几分钟就开始分流了，点赞。'],
      ['chatter', '刚从高架下来，追尾现场看着就后怕，大家开车保持车距啊。'],
      ['help', '我的车在高架追尾现场被夹在中间，门打不开，该怎么办？'],
      ['consult', '高架追尾后被堵在上面的车，错过了航班能开证明吗？'],
      ['complaint', '每次高架出了追尾事故，绕行的{road}就跟着瘫痪，能不能提前发布绕行提示？'],
      ['chatter', '听说高架追尾是因为有人边开车边看手机，真的害人害己。'],
    ],
  },
  {
    code: 'fraud-ring',
    name: '刷单诈骗团伙落网',
    topic: 'fraud',
    terms: ['刷单', '诈骗', '返利'],
    messages: [
      ['praise', '刷单诈骗团伙终于被抓了，干得漂亮！我同事去年就被骗了。'],
      ['consult', '我去年也被刷单诈骗过，被骗的钱能从这次落网的团伙那里追回吗？'],
      ['help', '我在这个刷单返利平台上被骗了{amount}元，和新闻里说的是同一个，怎么登记？'],
      ['report', '还有一个刷单群没被打掉，群名叫"日结返利"，天天在拉人，请一起查！'],
      ['chatter', '天上不会掉馅饼，刷单就是诈骗，记住了。'],
      ['consult', '刷单诈骗的受害人需要去哪个派出所做笔录？外地的可以远程吗？'],
      ['suggestion', '刷单诈骗这么多，建议学校开学第一课就讲这个。'],
      ['praise', '刷单诈骗团伙几十人一锅端，给反诈民警点赞！'],
      ['chatter', '转发给爸妈看，刷单返利全是骗局。'],
      ['consult', '帮别人刷单收过钱，会不会被当成诈骗同伙？'],
      ['report', '有人冒充这次办案民警，说可以帮刷单受害人追款，要先交手续费！'],
      ['chatter', '我还接到过刷单的电话，还好没信。'],
    ],
  },
  {
    code: 'rainstorm',
    name: '暴雨道路积水',
    topic: 'traffic',
    terms: ['暴雨', '积水'],
    messages: [
      ['help', '{road}下穿隧道积水已经没过车轮了，有车熄火在里面，快来人！'],
      ['consult', '暴雨天{road}积水那段现在能通行吗？要不要绕路？'],
      ['help', '暴雨把{community}门口淹了，积水快进一楼了，老人出不来。'],
      ['complaint', '每次暴雨{road}都积水，年年说整改，今年还是一样。'],
      ['praise', '暴雨里交警站在积水中指挥交通，太辛苦了，请注意安全！'],
      ['chatter', '这场暴雨也太大了，窗外跟瀑布一样。'],
      ['consult', '车在积水里熄火了，保险能赔吗？需要交警出证明吗？'],
      ['suggestion', '建议暴雨天在{road}积水路段提前设置警示牌和封闭措施。'],
      ['chatter', '暴雨天大家尽量别出门，积水路段千万别硬闯。'],
      ['help', '暴雨下了一夜，{district}有几个路口积水很深，外卖小哥的车都被冲倒了。'],
      ['consult', '暴雨导致航班延误，要在机场附近找住处，机场高速积水吗？'],
    ],
  },
  {
    code: 'market-fire',
    name: '农贸市场火灾',
    topic: 'fire',
    terms: ['火灾', '市场', '浓烟'],
    messages: [
      ['help', '{district}农贸市场着火了，浓烟很大，里面好像还有人！'],
      ['consult', '农贸市场火灾原因查清了吗？我的摊位损失怎么登记？'],
      ['praise', '消防员冲进浓烟里救人，市场火灾没有人员伤亡，太了不起了！'],
      ['chatter', '在家里都能看到农贸市场那边的浓烟，希望大家平安。'],
      ['complaint', '农贸市场的消防通道一直被占，早就说过有火灾隐患，就是没人管。'],
      ['suggestion', '建议全市的农贸市场都排查一下电线老化的问题，火灾太可怕了。'],
      ['report', '另一个农贸市场也有私拉电线、堆放纸箱的情况，火灾隐患很大。'],
      ['chatter', '农贸市场火灾附近的路封了吗？我要去那边接孩子。'],
      ['consult', '农贸市场火灾后什么时候能恢复营业？菜价会不会涨？'],
      ['praise', '火灾现场民警疏散群众很有序，没有出现踩踏，点赞。'],
    ],
  },
  {
    code: 'concert-control',
    name: '演唱会交通管制',
    topic: 'traffic',
    terms: ['演唱会', '管制', '散场'],
    messages: [
      ['consult', '周六体育中心演唱会，交通管制从几点开始？地铁会延长运营吗？'],
      ['complaint', '演唱会散场一个小时了还打不到车，交通管制能不能安排好一点？'],
      ['praise', '演唱会散场秩序很好，民警和志愿者一路引导，辛苦了！'],
      ['consult', '演唱会期间体育中心附近能停车吗？有没有临时停车场？'],
      ['chatter', '演唱会太好听了！感谢维持秩序的警察叔叔。'],
      ['report', '演唱会门口有黄牛在卖假票，还有人偷手机，请注意。'],
      ['suggestion', '建议演唱会散场时增开公交专线，交通管制区域外安排网约车上客点。'],
      ['help', '演唱会散场人太多，和朋友走散了，手机也没电了，怎么办？'],
      ['consult', '演唱会交通管制期间住在体育中心旁边的居民车辆怎么进出？'],
      ['chatter', '为了演唱会排了三个小时队，交通管制真的太严格了，不过能理解。'],
    ],
  },
  {
    code: 'id-system-upgrade',
    name: '户籍系统升级暂停办理',
    topic: 'huji',
    terms: ['系统升级', '暂停', '身份证'],
    messages: [
      ['consult', '户籍系统升级暂停办理几天？身份证急用怎么办？'],
      ['complaint', '跑到派出所才知道系统升级暂停办理身份证，为什么不提前通知？'],
      ['consult', '系统升级期间能开临时身份证明吗？明天要坐火车。'],
      ['suggestion', '系统升级暂停业务这种消息建议提前一周在公众号置顶。'],
      ['chatter', '系统升级也是为了以后办身份证更方便吧，理解。'],
      ['help', '系统升级暂停办理，但孩子后天要高考报名要用身份证，求帮忙！'],
      ['consult', '系统升级结束后预约的身份证业务要重新预约吗？'],
      ['complaint', '系统升级说暂停三天，今天已经第五天了还没恢复，什么情况？'],
      ['praise', '系统升级期间派出所开了临时证明绿色通道，很贴心。'],
    ],
  },
];
