// The WeChat Official Account API stand-in: https://api.weixin.qq.com/cgi-bin/... and /datacube/...
import type { Request, Response } from 'express';
import { Router } from 'express';
import type { SandboxContext } from '../core/context';
import { send } from '../core/http';
import { faultLayer, type FaultRenderer } from '../faults/fault-layer';
import { requireWxToken, tokenHandlers, wxAccountOf, wxCaller } from './wechat-auth';
import { commentHandlers } from './wechat-comments';
import { DATACUBE_APIS, datacubeHandler } from './wechat-datacube';
import { draftHandlers } from './wechat-drafts';
import { WechatError, wxErrorReply, wxJson } from './wechat-errors';
import type { WxHandler } from './wechat-handler';
import { materialHandlers } from './wechat-material';
import { WechatPublisher } from './wechat-publish';
import { WechatRepo } from './wechat-repo';

const renderer: FaultRenderer = {
  platformError: (_req, rule) => {
    const reply = wxErrorReply(rule.code ?? -1, rule.message);
    return rule.status ? { ...reply, status: rule.status } : reply;
  },
  rateLimit: (_req, rule) => wxErrorReply(rule.code ?? 45009),
  tokenExpired: (_req, rule) => wxErrorReply(rule.code ?? 42001),
};

const isWechatPath = (path: string): boolean => path.startsWith('/cgi-bin/') || path.startsWith('/datacube/');

export interface WechatServices {
  router: Router;
  publisher: WechatPublisher;
  repo: WechatRepo;
}

export function wechatRouter(ctx: SandboxContext): WechatServices {
  const repo = new WechatRepo(ctx.db);
  const publisher = new WechatPublisher(ctx, repo);
  const drafts = draftHandlers(ctx, repo);
  const material = materialHandlers(ctx);
  const comments = commentHandlers(ctx, repo);
  const tokens = tokenHandlers(ctx);
  const r = Router();

  const layer = faultLayer(ctx.faults, ctx.timers, 'wechat', renderer, (req) => ({
    accountId: wxAccountOf(ctx, req),
    endpoint: req.path,
  }));
  r.use((req, res, next) => (isWechatPath(req.path) ? layer(req, res, next) : next()));

  r.get('/cgi-bin/token', tokens.token);
  r.all('/cgi-bin/stable_token', tokens.stableToken);

  const auth = requireWxToken(ctx);
  const route = (method: 'GET' | 'POST', path: string, fn: WxHandler): void => {
    r.all(path, auth, (req: Request, res: Response) => {
      if (method === 'POST' && req.method !== 'POST') return send(req, res, wxErrorReply(43002));
      try {
        send(req, res, wxJson(fn(req, wxCaller(req))));
      } catch (e) {
        if (e instanceof WechatError) return send(req, res, wxErrorReply(e.code));
        console.error('[sandbox] wechat handler failed', e);
        send(req, res, wxErrorReply(-1));
      }
    });
  };

  route('POST', '/cgi-bin/media/uploadimg', material.uploadImg);
  route('POST', '/cgi-bin/media/upload', material.uploadTemp);
  route('POST', '/cgi-bin/material/add_material', material.addMaterial);
  route('GET', '/cgi-bin/material/get_materialcount', material.materialCount);
  route('POST', '/cgi-bin/draft/add', drafts.add);
  route('POST', '/cgi-bin/draft/get', drafts.get);
  route('POST', '/cgi-bin/draft/update', drafts.update);
  route('POST', '/cgi-bin/draft/delete', drafts.remove);
  route('GET', '/cgi-bin/draft/count', drafts.count);
  route('POST', '/cgi-bin/draft/batchget', drafts.batchget);
  route('POST', '/cgi-bin/freepublish/submit', publisher.submit);
  route('POST', '/cgi-bin/freepublish/get', publisher.get);
  route('POST', '/cgi-bin/freepublish/batchget', publisher.batchget);
  route('POST', '/cgi-bin/freepublish/getarticle', publisher.getArticle);
  route('POST', '/cgi-bin/freepublish/delete', publisher.remove);
  route('POST', '/cgi-bin/message/mass/sendall', publisher.massSendAll);
  route('POST', '/cgi-bin/comment/open', comments.open);
  route('POST', '/cgi-bin/comment/close', comments.close);
  route('POST', '/cgi-bin/comment/list', comments.list);
  route('POST', '/cgi-bin/comment/markelect', comments.markelect);
  route('POST', '/cgi-bin/comment/unmarkelect', comments.unmarkelect);
  route('POST', '/cgi-bin/comment/delete', comments.remove);
  route('POST', '/cgi-bin/comment/reply/add', comments.replyAdd);
  route('POST', '/cgi-bin/comment/reply/delete', comments.replyDelete);
  route('POST', '/cgi-bin/clear_quota', (req, account) => {
    const appid =
      req.sbx.fields.appid ?? (JSON.parse(req.sbx.raw.toString('utf8') || '{}') as { appid?: string }).appid;
    if (appid !== account.config.appid) throw new WechatError(40013);
    const month = new Date(ctx.clock.now()).toISOString().slice(0, 7);
    if (!ctx.counters.take(`wxclear:${account.id}:${month}`, 0, 10).ok) throw new WechatError(48006);
    ctx.counters.resetPrefix(`wx:token:${account.id}`);
    ctx.counters.resetPrefix(`wx:mass:${account.id}`);
    return { errcode: 0, errmsg: 'ok' };
  });
  for (const api of DATACUBE_APIS) route('POST', `/datacube/${api}`, datacubeHandler(ctx, repo, api));

  r.all('/cgi-bin/{*rest}', (req: Request, res: Response) => send(req, res, wxErrorReply(48001)));
  r.all('/datacube/{*rest}', (req: Request, res: Response) => send(req, res, wxErrorReply(48001)));

  // Finished publish jobs are pushed without waiting for a client to ask.
  ctx.timers.every(250, () => publisher.finalizeDue());
  return { router: r, publisher, repo };
}
