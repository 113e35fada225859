// WeChat errors: HTTP 200 with {"errcode":N,"errmsg":"… rid: xxxxxxxx-xxxxxxxx-xxxxxxxx"}. Clients must
// branch on errcode only. Successful writes answer {"errcode":0,"errmsg":"ok"}.
import type { Reply } from '../core/http';
import { wechatRid } from '../core/ids';

const MESSAGES: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40004: 'invalid media type',
  40005: 'invalid file type',
  40007: 'invalid media_id',
  40008: 'invalid message type',
  40009: 'invalid image size',
  40013: 'invalid appid',
  40014: 'invalid access_token',
  40125: 'invalid appsecret',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41005: 'media data missing',
  42001: 'access_token expired',
  43002: 'require POST method',
  44002: 'empty post data',
  44003: 'empty news data',
  45001: 'media size out of limit',
  45002: 'content size out of limit',
  45003: 'title size out of limit',
  45004: 'description size out of limit',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  45065: 'clientmsgid exist',
  47001: 'data format error',
  48006: 'forbid to clear quota because of reaching the limit',
  48001: 'api unauthorized',
  53500: 'publish is banned',
  53501: 'publishing too often',
  53502: 'invalid publish_id',
  53600: 'invalid article_id',
  61451: 'invalid parameter',
  61500: 'date format error',
  61501: 'date range error',
  88000: 'without comment privilege',
  88001: 'msg_data is not exists',
  88002: 'the article is limit for safety',
  88003: 'elected comment upper limit',
  88004: 'comment was deleted by user',
  88005: 'already reply',
  88007: 'reply content beyond max len or content len is zero',
  88008: 'comment is not exists',
  88010: 'count range error. cout <= 0 or count > 50',
};

export class WechatError extends Error {
  constructor(readonly code: number) {
    super(MESSAGES[code] ?? 'invalid parameter');
  }
}

export function wxErrorReply(code: number, message?: string): Reply {
  const text = message ?? MESSAGES[code] ?? 'invalid parameter';
  return {
    status: 200,
    contentType: 'application/json; encoding=utf-8',
    body: JSON.stringify({ errcode: code, errmsg: `${text} rid: ${wechatRid()}` }),
  };
}

export function wxJson(body: unknown): Reply {
  return { status: 200, contentType: 'application/json; encoding=utf-8', body: JSON.stringify(body) };
}

export const WX_OK = { errcode: 0, errmsg: 'ok' };
