// 发布 (freepublish/submit → get → batchget/getarticle/delete) and 群发 (message/mass/sendall). A job stays
// "publishing" (status 1) for the account's publishDelayMs, then ends in 0 (or 2/3/4 when a publishOutcome
// fault says so) and a PUBLISHJOBFINISH / MASSSENDJOBFINISH event is pushed to the server URL.
import type { WechatAccount } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import { nextSeq } from '../core/db';
import { randomUrlSafe } from '../core/ids';
import { dayStart } from '../core/time';
import { articleUrl, newsItemJson } from './wechat-drafts';
import { WechatError } from './wechat-errors';
import { body, int, str, type WxHandler } from './wechat-handler';
import { deliver, massFinishXml, publishFinishXml } from './wechat-push';
import type { NewsItem, PublishRow, WechatRepo } from './wechat-repo';

const ref = (job: PublishRow, i: number) => ({ msgDataId: job.msg_data_id, idx: i + 1 });

export class WechatPublisher {
  constructor(
    private readonly ctx: SandboxContext,
    private readonly repo: WechatRepo,
  ) {}

  private withUrls(articles: NewsItem[]): NewsItem[] {
    return articles.map((a) => ({ ...a, slug: randomUrlSafe(22) }));
  }

  private newJob(
    account: WechatAccount,
    kind: PublishRow['kind'],
    mediaId: string | null,
    articles: NewsItem[],
    outcome: number,
    failIdx: number[],
    text?: string,
  ): PublishRow {
    const now = this.ctx.clock.now();
    const row: PublishRow = {
      publish_id: String(2247483000 + nextSeq(this.ctx.db, 'wx_publish')),
      account_id: account.id,
      kind,
      media_id: mediaId,
      msg_data_id: String(2650000000 + nextSeq(this.ctx.db, 'wx_msg_data')),
      msg_id: kind === 'mass' ? String(1000000000 + nextSeq(this.ctx.db, 'wx_msg')) : null,
      article_id: articles.length ? randomUrlSafe(43) : null,
      articles: this.withUrls(articles),
      submitted_at: now,
      finish_at: now + account.config.publishDelayMs,
      outcome,
      fail_idx: failIdx,
      deleted_idx: [],
      comments_open: articles.flatMap((a, i) => (a.need_open_comment ? [i + 1] : [])),
      notified: 0,
      original: 1,
    };
    this.repo.insertPublish(row);
    this.ctx.ledger.record({
      accountId: account.id,
      platform: 'wechat',
      externalId: row.publish_id,
      kind: kind === 'mass' ? 'mass' : 'article',
      origin: 'api',
      endpoint: kind === 'mass' ? '/cgi-bin/message/mass/sendall' : '/cgi-bin/freepublish/submit',
      title: articles.map((a) => a.title).join(' | ') || null,
      text: text ?? articles.map((a) => a.content).join('\n'),
      status: 'publishing',
      at: now,
    });
    return row;
  }

  /** Ends every job whose time has come: ledger status, draft box, and the finish event push. */
  finalizeDue(): void {
    const now = this.ctx.clock.now();
    for (const job of this.repo.due(now)) {
      this.repo.update(job.publish_id, { notified: 1 });
      const ok = job.outcome === 0;
      this.ctx.ledger.setStatus('wechat', job.publish_id, ok ? 'published' : `failed:${job.outcome}`);
      if (job.media_id) this.repo.setDraftState(job.media_id, ok ? 'published' : 'draft');
      const account = this.ctx.accounts.get(job.account_id);
      if (!account || account.platform !== 'wechat' || !account.config.callback) continue;
      const createTime = Math.floor(now / 1000);
      const xml =
        job.kind === 'mass'
          ? massFinishXml({
              ghId: account.config.ghId,
              createTime,
              msgId: job.msg_id ?? '',
              sent: account.config.followers,
            })
          : publishFinishXml({
              ghId: account.config.ghId,
              createTime,
              publishId: job.publish_id,
              status: job.outcome,
              articleId: job.article_id,
              urls: job.articles.map((a, i) => articleUrl(this.ctx.publicBase, a, ref(job, i))),
              failIdx: job.fail_idx,
            });
      void deliver(this.ctx, account, xml, null);
    }
  }

  submit: WxHandler = (req, account) => {
    const mediaId = str(body(req).media_id);
    const draft = mediaId ? this.repo.draft(mediaId, account.id) : undefined;
    if (!draft) throw new WechatError(40007);
    const fault = req.sbx.handlerFaults.find((f) => f.kind === 'publishOutcome');
    const outcome = fault?.publishStatus ?? 0;
    const failIdx = outcome === 0 ? [] : (fault?.failIdx ?? [1]);
    this.repo.setDraftState(draft.media_id, 'published');
    const job = this.newJob(account, 'freepublish', draft.media_id, draft.articles, outcome, failIdx);
    return { errcode: 0, errmsg: 'ok', publish_id: job.publish_id, msg_data_id: job.msg_data_id };
  };

  private detail(job: PublishRow) {
    return {
      count: job.articles.length,
      item: job.articles.map((a, i) => ({
        idx: i + 1,
        article_url: articleUrl(this.ctx.publicBase, a, ref(job, i)),
      })),
    };
  }

  get: WxHandler = (req, account) => {
    this.finalizeDue();
    const id = str(body(req).publish_id);
    const job = id ? this.repo.publish(id) : undefined;
    if (!job || job.account_id !== account.id || job.kind !== 'freepublish') throw new WechatError(53502);
    if (this.ctx.clock.now() < job.finish_at) return { publish_id: job.publish_id, publish_status: 1 };
    if ([0, 5, 6].includes(job.outcome)) {
      return {
        publish_id: job.publish_id,
        publish_status: job.outcome,
        article_id: job.article_id,
        article_detail: this.detail(job),
        fail_idx: [],
      };
    }
    return { publish_id: job.publish_id, publish_status: job.outcome, fail_idx: job.fail_idx };
  };

  private items(job: PublishRow, withContent: boolean) {
    return job.articles.map((a, i) => ({
      ...newsItemJson(a, this.ctx.publicBase, withContent, ref(job, i)),
      is_deleted: job.deleted_idx.includes(i + 1) || job.outcome >= 5,
    }));
  }

  batchget: WxHandler = (req, account) => {
    this.finalizeDue();
    const b = body(req);
    const offset = int(b.offset, 0);
    const count = int(b.count, 20);
    if (offset < 0 || count < 1 || count > 20) throw new WechatError(61451);
    const all = this.repo
      .published(account.id, this.ctx.clock.now())
      .rows.filter((j) => j.kind === 'freepublish');
    const page = all.slice(offset, offset + count);
    return {
      total_count: all.length,
      item_count: page.length,
      item: page.map((j) => ({
        article_id: j.article_id,
        content: {
          news_item: this.items(j, int(b.no_content, 0) !== 1),
          create_time: Math.floor(j.submitted_at / 1000),
          update_time: Math.floor(j.finish_at / 1000),
        },
        update_time: Math.floor(j.finish_at / 1000),
      })),
    };
  };

  private article(articleId: unknown, account: WechatAccount): PublishRow {
    this.finalizeDue();
    const id = str(articleId);
    const job = id ? this.repo.byArticle(id) : undefined;
    if (
      !job ||
      job.account_id !== account.id ||
      ![0, 5, 6].includes(job.outcome) ||
      this.ctx.clock.now() < job.finish_at
    ) {
      throw new WechatError(53600);
    }
    return job;
  }

  getArticle: WxHandler = (req, account) => {
    const job = this.article(body(req).article_id, account);
    return { news_item: this.items(job, true) };
  };

  remove: WxHandler = (req, account) => {
    const b = body(req);
    const job = this.article(b.article_id, account);
    const index = int(b.index, 0);
    if (index < 0 || index > job.articles.length) throw new WechatError(61451);
    const deleted =
      index === 0 ? job.articles.map((_a, i) => i + 1) : [...new Set([...job.deleted_idx, index])];
    const all = deleted.length >= job.articles.length;
    this.repo.update(job.publish_id, { deleted_idx: deleted, ...(all ? { outcome: 5 } : {}) });
    if (all) this.ctx.ledger.setStatus('wechat', job.publish_id, 'deleted');
    return { errcode: 0, errmsg: 'ok' };
  };

  massSendAll: WxHandler = (req, account) => {
    const b = body(req);
    const msgtype = str(b.msgtype);
    const now = this.ctx.clock.now();
    const clientMsgId = str(b.clientmsgid);
    if (clientMsgId) {
      // clientmsgid makes sendall idempotent for 24 hours.
      const bucket = `wx:clientmsgid:${account.id}:${clientMsgId}`;
      if (this.ctx.counters.peek(bucket, dayStart(now)) > 0) throw new WechatError(45065);
      this.ctx.counters.take(bucket, dayStart(now), 1);
    }
    if (!this.ctx.counters.take(`wx:mass:${account.id}`, dayStart(now), account.config.quotas.massPerDay).ok)
      throw new WechatError(45009);
    let job: PublishRow;
    if (msgtype === 'mpnews') {
      const mediaId = str((b.mpnews as Record<string, unknown> | undefined)?.media_id);
      const draft = mediaId ? this.repo.draft(mediaId, account.id) : undefined;
      if (!draft) throw new WechatError(40007);
      this.repo.setDraftState(draft.media_id, 'published');
      job = this.newJob(account, 'mass', draft.media_id, draft.articles, 0, []);
    } else if (msgtype === 'text') {
      const content = str((b.text as Record<string, unknown> | undefined)?.content);
      if (!content) throw new WechatError(44003);
      job = this.newJob(account, 'mass', null, [], 0, [], content);
    } else {
      throw new WechatError(40008);
    }
    return {
      errcode: 0,
      errmsg: 'send job submission success',
      msg_id: Number(job.msg_id),
      msg_data_id: Number(job.msg_data_id),
    };
  };
}
