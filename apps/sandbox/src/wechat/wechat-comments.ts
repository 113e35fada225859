// 留言 management: comment/open, close, list, markelect, unmarkelect, delete, reply/add, reply/delete.
// `index` is 0-based in the official list doc and 1-based in wechatpy: the sandbox reads an index below
// the article count as 0-based and the article count itself as 1-based, so both conventions work.
import type { SandboxContext } from '../core/context';
import { WechatError } from './wechat-errors';
import { body, int, str, type WxHandler } from './wechat-handler';
import type { PublishRow, WechatRepo } from './wechat-repo';

export function resolveIndex(index: number, count: number): number {
  if (index >= 0 && index < count) return index + 1;
  if (index === count && count > 0) return count;
  throw new WechatError(61451);
}

export function commentHandlers(ctx: SandboxContext, repo: WechatRepo) {
  const target = (req: Parameters<WxHandler>[0], accountId: string) => {
    const b = body(req);
    const id = str(b.msg_data_id);
    const job = id ? repo.byMsgData(id) : undefined;
    if (
      !job ||
      job.account_id !== accountId ||
      job.articles.length === 0 ||
      ctx.clock.now() < job.finish_at ||
      job.outcome !== 0
    ) {
      throw new WechatError(88001);
    }
    const account = ctx.accounts.get(accountId);
    if (account?.platform === 'wechat' && !account.config.commentPrivilege) throw new WechatError(88000);
    return { b, job, idx: resolveIndex(int(b.index, 0), job.articles.length) };
  };
  const comment = (job: PublishRow, idx: number, raw: unknown) => {
    const c = repo.comment(job.msg_data_id, idx, int(raw, -1));
    if (!c || c.deleted) throw new WechatError(88008);
    return c;
  };
  const OK = { errcode: 0, errmsg: 'ok' };

  const setOpen =
    (open: boolean): WxHandler =>
    (req, account) => {
      const { job, idx } = target(req, account.id);
      const set = new Set(job.comments_open);
      if (open) set.add(idx);
      else set.delete(idx);
      repo.update(job.publish_id, { comments_open: [...set].sort() });
      return OK;
    };

  const list: WxHandler = (req, account) => {
    const { b, job, idx } = target(req, account.id);
    const begin = int(b.begin, 0);
    const count = int(b.count, 0);
    if (count <= 0 || count >= 50 || begin < 0) throw new WechatError(88010);
    const type = int(b.type, 0);
    const page = repo.comments(job.msg_data_id, idx, type, begin, count);
    return {
      errcode: 0,
      errmsg: 'ok',
      total: page.total,
      comment: page.rows.map((c) => ({
        user_comment_id: c.user_comment_id,
        openid: c.openid,
        create_time: Math.floor(c.create_time / 1000),
        content: c.content,
        comment_type: c.elected,
        ...(c.reply_content !== null
          ? { reply: { content: c.reply_content, create_time: Math.floor((c.reply_time ?? 0) / 1000) } }
          : {}),
      })),
    };
  };

  const elect =
    (on: boolean): WxHandler =>
    (req, account) => {
      const { b, job, idx } = target(req, account.id);
      const c = comment(job, idx, b.user_comment_id);
      repo.updateComment(job.msg_data_id, idx, c.user_comment_id, { elected: on ? 1 : 0 });
      return OK;
    };

  const remove: WxHandler = (req, account) => {
    const { b, job, idx } = target(req, account.id);
    const c = comment(job, idx, b.user_comment_id);
    repo.updateComment(job.msg_data_id, idx, c.user_comment_id, { deleted: 1 });
    return OK;
  };

  const replyAdd: WxHandler = (req, account) => {
    const { b, job, idx } = target(req, account.id);
    const c = comment(job, idx, b.user_comment_id);
    const content = str(b.content) ?? '';
    if (!content || [...content].length > 300) throw new WechatError(88007);
    if (c.reply_content !== null) throw new WechatError(88005);
    const now = ctx.clock.now();
    repo.updateComment(job.msg_data_id, idx, c.user_comment_id, { reply_content: content, reply_time: now });
    ctx.ledger.record({
      accountId: account.id,
      platform: 'wechat',
      externalId: `${job.msg_data_id}_${idx}_${c.user_comment_id}`,
      kind: 'reply',
      origin: 'api',
      endpoint: req.path,
      text: content,
      status: 'published',
      at: now,
    });
    return OK;
  };

  const replyDelete: WxHandler = (req, account) => {
    const { b, job, idx } = target(req, account.id);
    const c = comment(job, idx, b.user_comment_id);
    repo.updateComment(job.msg_data_id, idx, c.user_comment_id, { reply_content: null, reply_time: null });
    return OK;
  };

  return {
    open: setOpen(true),
    close: setOpen(false),
    list,
    markelect: elect(true),
    unmarkelect: elect(false),
    remove,
    replyAdd,
    replyDelete,
  };
}
