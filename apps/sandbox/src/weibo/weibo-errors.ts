// Weibo error replies: {"request":"/2/statuses/share.json","error_code":20019,"error":"repeat content!"}.
// Messages are the English texts the API sends (lower-case forms where clients have logged them, e.g.
// "repeat content!", "expired_token"); HTTP status is 400 unless noted (limits and bad tokens 403,
// system errors 5xx), as weibo4j logs show.
import type { Request } from 'express';
import type { Reply } from '../core/http';
import { stringifyInt64 } from '../core/int64-json';

const MESSAGES: Record<number, string> = {
  10001: 'System error',
  10002: 'Service unavailable',
  10006: 'Source paramter (appkey) is missing',
  10008: 'Param error, see doc for more info',
  10014: 'Insufficient app permissions',
  10016: 'Miss required parameter (%s) , see doc for more info',
  10017: "Parameter (%s)'s value invalid, expect (%s) , but get (%s) , see doc for more info",
  10020: 'Request api not found!',
  10021: 'HTTP method is not suported for this request!',
  10022: 'IP requests out of rate limit!',
  10023: 'User requests out of rate limit!',
  10024: 'User requests for (%s) out of rate limit!',
  20003: 'User does not exists!',
  20005: 'Unsupported image type, only suport JPG, GIF, PNG!',
  20006: 'Image size too large!',
  20008: 'Content is null!',
  20009: 'IDs is too many!',
  20012: 'Text too long, please input text less than 140 characters!',
  20016: 'Out of limit!',
  20017: 'repeat content!',
  20018: 'Contain illegal website!',
  20019: 'repeat content!',
  20101: 'target weibo does not exist!',
  20102: 'Not your own weibo!',
  20111: 'Repeated weibo text!',
  20201: 'target weibo comment does not exist!',
  20203: 'Not your own comment!',
  21314: 'Token used',
  21315: 'Token expired',
  21316: 'Token revoked',
  21317: 'Token rejected',
  21322: 'redirect_uri_mismatch',
  21323: 'invalid_request',
  21324: 'invalid_client',
  21325: 'invalid_grant',
  21326: 'unauthorized_client',
  21327: 'expired_token',
  21328: 'unsupported_grant_type',
  21329: 'unsupported_response_type',
  21330: 'access_denied',
  21331: 'temporarily_unavailable',
  21332: 'invalid_access_token',
};

function httpStatus(code: number): number {
  if (code === 10001) return 500;
  if (code === 10002) return 503;
  if (code === 10020) return 404;
  if ([10022, 10023, 10024, 20016, 21332, 10014].includes(code)) return 403;
  return 400;
}

export class WeiboError extends Error {
  constructor(
    readonly code: number,
    readonly args: string[] = [],
    /** Replaces the table text where Weibo words one case differently ("appkey not bind domain!"). */
    readonly custom?: string,
  ) {
    super(custom ?? formatMessage(code, args));
  }
}

function formatMessage(code: number, args: string[]): string {
  let i = 0;
  return (MESSAGES[code] ?? 'Param error, see doc for more info').replace(/%s/g, () => args[i++] ?? '');
}

/** The `request` field: the API path as called, e.g. "/2/statuses/share.json" (clients log it so). */
export function requestPath(req: Request): string {
  return req.originalUrl.split('?')[0] ?? req.path;
}

export function weiboErrorReply(
  req: Request,
  code: number,
  args: string[] = [],
  message?: string,
  status?: number,
): Reply {
  const body = { request: requestPath(req), error_code: code, error: message ?? formatMessage(code, args) };
  return {
    status: status ?? httpStatus(code),
    body: stringifyInt64(body),
    contentType: 'application/json;charset=UTF-8',
  };
}

/** OAuth endpoints answer with the RFC 6749 shape plus Weibo's code. */
export function oauthErrorReply(req: Request, code: number, description: string): Reply {
  const body = {
    error: MESSAGES[code] ?? 'invalid_request',
    error_code: code,
    request: requestPath(req),
    error_uri: requestPath(req),
    error_description: description,
  };
  return { status: 400, body: JSON.stringify(body), contentType: 'application/json;charset=UTF-8' };
}

export function weiboOk(body: unknown): Reply {
  return { status: 200, body: stringifyInt64(body), contentType: 'application/json;charset=UTF-8' };
}
