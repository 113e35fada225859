// Turns stored rows into the JSON objects of Weibo API v2 (status, comment, user). Ids are written
// three ways, as Weibo does: `id` (int64 number), `idstr` and `mid` (strings).
import type { SandboxContext } from '../core/context';
import { int64 } from '../core/int64-json';
import { weiboDate } from '../core/time';
import type { CommentRow, StatusRow, WeiboRepo } from './weibo-repo';

export interface PublicProfile {
  gender: 'm' | 'f' | 'n';
  location: string;
  description: string;
  followers: number;
  friends: number;
  statuses: number;
  createdAt: number;
  verifiedType: number;
  verifiedReason: string;
}

type Json = Record<string, unknown>;

export class WeiboSerializer {
  private readonly users = new Map<string, Json>();

  constructor(
    private readonly ctx: SandboxContext,
    private readonly repo: WeiboRepo,
  ) {}

  private image(kind: string, id: string): string {
    return `${this.ctx.publicBase}/wbimg/${kind}/${id}.jpg`;
  }

  user(uid: string): Json | null {
    const cached = this.users.get(uid);
    if (cached) return cached;
    const account = this.ctx.accounts.weiboByUid(uid);
    let out: Json | null = null;
    if (account) {
      const c = account.config;
      out = this.userJson(uid, account.name, {
        gender: 'n',
        location: c.location,
        description: c.description,
        followers: c.followers,
        friends: 300,
        statuses: this.repo.countStatuses(uid),
        createdAt: account.createdAt - 6 * 365 * 86_400_000,
        verifiedType: 1,
        verifiedReason: account.name,
      });
    } else {
      const row = this.repo.user(uid);
      if (row) out = this.userJson(uid, row.screen_name, JSON.parse(row.profile) as PublicProfile);
    }
    // Serialisation of one response reuses users; the cache is per serializer (one per request).
    if (out) this.users.set(uid, out);
    return out;
  }

  screenName(uid: string): string {
    const name = this.user(uid)?.screen_name;
    return typeof name === 'string' ? name : '';
  }

  private userJson(uid: string, name: string, p: PublicProfile): Json {
    const avatar = this.image('avatar', uid);
    return {
      id: Number(uid),
      idstr: uid,
      class: 1,
      screen_name: name,
      name,
      province: '100',
      city: '1000',
      location: p.location,
      description: p.description,
      url: '',
      profile_image_url: avatar,
      profile_url: `u/${uid}`,
      domain: '',
      weihao: '',
      gender: p.gender,
      followers_count: p.followers,
      friends_count: p.friends,
      pagefriends_count: 0,
      statuses_count: p.statuses,
      favourites_count: 0,
      created_at: weiboDate(p.createdAt),
      following: false,
      allow_all_act_msg: p.verifiedType >= 0,
      geo_enabled: true,
      verified: p.verifiedType >= 0,
      verified_type: p.verifiedType,
      remark: '',
      allow_all_comment: true,
      avatar_large: avatar,
      avatar_hd: avatar,
      verified_reason: p.verifiedReason,
      follow_me: false,
      online_status: 0,
      bi_followers_count: 0,
      lang: 'zh-cn',
    };
  }

  status(row: StatusRow, opts: { trimUser?: boolean; nested?: boolean } = {}): Json {
    const user = this.user(row.uid);
    const out: Json = {
      created_at: weiboDate(row.created_at),
      id: int64(row.id),
      idstr: row.id,
      mid: row.id,
      can_edit: false,
      text: row.text,
      source_allowclick: 0,
      source_type: 1,
      source: row.source,
      favorited: false,
      truncated: false,
      in_reply_to_status_id: '',
      in_reply_to_user_id: '',
      in_reply_to_screen_name: '',
      pic_urls: row.pic_id ? [{ thumbnail_pic: this.image('thumbnail', row.pic_id) }] : [],
      geo: null,
      is_paid: false,
      mblog_vip_type: 0,
      user: opts.trimUser ? Number(row.uid) : user,
      reposts_count: row.reposts,
      comments_count: row.comments,
      attitudes_count: row.attitudes,
      pending_approval_count: 0,
      isLongText: false,
      mlevel: 0,
      visible: { type: 0, list_id: 0 },
      biz_feature: 0,
      hasActionTypeCard: 0,
      darwin_tags: [],
      hot_weibo_tags: [],
      text_tag_tips: [],
      userType: 0,
      positive_recom_flag: 0,
      gif_ids: '',
      is_show_bulletin: 2,
    };
    if (row.pic_id) {
      out.thumbnail_pic = this.image('thumbnail', row.pic_id);
      out.bmiddle_pic = this.image('bmiddle', row.pic_id);
      out.original_pic = this.image('large', row.pic_id);
    }
    if (row.retweeted_id && !opts.nested) {
      const original = this.repo.status(row.retweeted_id, true);
      if (original && !original.deleted) out.retweeted_status = this.status(original, { nested: true });
      else {
        // A deleted original still appears, without its author, as on Weibo.
        out.retweeted_status = {
          created_at: weiboDate(original?.created_at ?? row.created_at),
          id: int64(row.retweeted_id),
          idstr: row.retweeted_id,
          mid: row.retweeted_id,
          text: '抱歉，此微博已被作者删除。查看帮助：http://t.cn/zWSudZc',
          deleted: '1',
          user: null,
        };
      }
    }
    return out;
  }

  comment(row: CommentRow, withStatus = true): Json {
    const out: Json = {
      created_at: weiboDate(row.created_at),
      id: int64(row.id),
      rootid: int64(row.reply_to_id ?? row.id),
      floor_number: 0,
      text: row.text,
      disable_reply: 0,
      source_allowclick: 0,
      source_type: 1,
      source: row.source,
      user: this.user(row.uid),
      mid: row.id,
      idstr: row.id,
    };
    if (withStatus) {
      const status = this.repo.status(row.status_id, true);
      if (status) out.status = this.status(status);
    }
    if (row.reply_to_id) {
      const replied = this.repo.comment(row.reply_to_id);
      if (replied) out.reply_comment = this.comment(replied, false);
    }
    return out;
  }
}
