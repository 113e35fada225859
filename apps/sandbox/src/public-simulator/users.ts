// The simulated public: a fixed pool of people derived from the seed, each with a Weibo identity
// (uid, nickname) and a WeChat openid, so the same person shows up again across days and channels.
import { hash01, Rng } from '../core/rng';
import type { PublicProfile } from '../weibo/weibo-serialize';

export const POOL_SIZE = 5000;

const PREFIXES = [
  '江城',
  '爱吃辣的',
  '快乐的',
  '安静的',
  '追风的',
  '努力的',
  '佛系',
  '早起的',
  '熬夜的',
  '路过的',
  '喜欢下雨的',
  '骑单车的',
  '会做饭的',
  '不吃香菜的',
  '东湖边的',
  '滨江',
  '城南',
  '老城区的',
];
const NOUNS = [
  '小市民',
  '打工人',
  '老王',
  '小李子',
  '猫奴',
  '宝妈',
  '骑手',
  '的哥',
  '退休教师',
  '大学生',
  '程序员',
  '护士小姐姐',
  '摄影爱好者',
  '小店老板',
  '外卖小哥',
  '跑步的人',
  '阿强',
  '晓雯',
  '二胖',
  '老张',
];
const SURNAMES = [
  '张',
  '王',
  '李',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
];
const CLIENTS = [
  '<a href="http://app.weibo.com/t/feed/6vtZb0" rel="nofollow">iPhone客户端</a>',
  '<a href="http://app.weibo.com/t/feed/5g0B8s" rel="nofollow">HUAWEI Mate 60</a>',
  '<a href="http://app.weibo.com/t/feed/3o33sO" rel="nofollow">Android</a>',
  '<a href="http://weibo.com/" rel="nofollow">微博 weibo.com</a>',
  '<a href="http://app.weibo.com/t/feed/2qiQRs" rel="nofollow">小米手机</a>',
];
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export interface PublicPerson {
  index: number;
  uid: string;
  screenName: string;
  openid: string;
  realName: string;
  phone: string;
  source: string;
  profile: PublicProfile;
}

export function person(seed: string, index: number): PublicPerson {
  const rng = new Rng(`${seed}:person:${index}`);
  const uid = String(5_000_000_000 + Math.floor(hash01(seed, 'puid', index) * 2_999_999_999));
  const screenName = rng.chance(0.25)
    ? `用户${uid}`
    : `${rng.pick(PREFIXES)}${rng.pick(NOUNS)}${rng.chance(0.4) ? rng.int(1, 9999) : ''}`;
  let openid = 'o';
  for (let i = 0; i < 27; i++) openid += B64[rng.int(0, 63)];
  return {
    index,
    uid,
    screenName,
    openid,
    realName: `${rng.pick(SURNAMES)}${rng.chance(0.5) ? '先生' : '女士'}`,
    phone: `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`,
    source: rng.pick(CLIENTS),
    profile: {
      gender: rng.pick(['m', 'f'] as const),
      location: rng.pick(['江南 江城', '江南 东湖', '江南', '其他']),
      description: '',
      followers: rng.heavyTail(80, 1.4),
      friends: rng.int(20, 800),
      statuses: rng.int(10, 6000),
      createdAt: Date.UTC(2010 + rng.int(0, 13), rng.int(0, 11), rng.int(1, 28)),
      verifiedType: -1,
      verifiedReason: '',
    },
  };
}

/** Outside accounts whose posts our accounts forward (provincial bureau, traffic police …). */
export const UPSTREAM_ACCOUNTS = [
  { uid: '1900000001', name: '江南公安' },
  { uid: '1900000002', name: '平安江南' },
  { uid: '1900000003', name: '江南交警' },
  { uid: '1900000004', name: '江南网警' },
  { uid: '1900000005', name: '江南消防' },
  { uid: '1900000006', name: '反诈先锋' },
];
