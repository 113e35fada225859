// One Weibo API call: the token in the Authorization header, form or multipart bodies for writes, the
// answer parsed losslessly and checked, and Weibo's error JSON turned into channel errors.
import { type z } from 'zod';
import { type Clock } from '../../common/clock';
import { ReauthRequiredError } from '../channel-errors';
import { type ChannelAccount } from '../channel.interface';
import { filePart } from '../http/body';
import { type ChannelHttp, type HttpResponse } from '../http/channel-http';
import { expectShape, httpStatusError, parseJson } from '../http/responses';
import { weiboError } from './weibo-errors';
import { weiboErrorBody } from './weibo-wire';

export interface WeiboFile {
  field: string;
  fileName: string;
  contentType: string;
  data: Buffer;
}

export interface WeiboCall<S extends z.ZodType> {
  method: 'GET' | 'POST';
  /** Path under the base URL, e.g. "/2/statuses/share.json". */
  path: string;
  params?: Record<string, string | undefined>;
  files?: WeiboFile[];
  schema: S;
  /** Reads that Weibo wants as POST (get_token_info) say `write: false`. */
  write?: boolean;
}

export function apiBase(account: ChannelAccount): string {
  return account.baseUrl.replace(/\/+$/, '');
}

export class WeiboClient {
  constructor(
    private readonly http: ChannelHttp,
    private readonly clock: Clock,
  ) {}

  async call<S extends z.ZodType>(account: ChannelAccount, call: WeiboCall<S>): Promise<z.infer<S>> {
    const token = account.accessToken;
    if (!token)
      throw new ReauthRequiredError({
        code: null,
        message: '账号尚未授权 / the account has no access token',
      });
    const params = definedOnly(call.params ?? {});
    const write = call.write ?? call.method === 'POST';
    const res = await this.http.send({
      method: call.method,
      url: `${apiBase(account)}${call.path}`,
      headers: { authorization: `OAuth2 ${token}` },
      query: call.method === 'GET' ? params : undefined,
      body: call.method === 'POST' ? postBody(params, call.files) : undefined,
      write,
    });
    return this.read(res, call.schema, write);
  }

  /** Checks an answer: Weibo's error JSON, a gateway failure, or the expected shape. */
  read<S extends z.ZodType>(res: HttpResponse, schema: S, write: boolean): z.infer<S> {
    const now = this.clock.now();
    let json: unknown;
    try {
      json = parseJson(res, true);
    } catch (e) {
      // An HTML page with a 5xx/429 is the gateway talking, not Weibo.
      if (res.status >= 400) throw httpStatusError(res, write, now);
      throw e;
    }
    const error = weiboErrorBody.safeParse(json);
    if (error.success) throw weiboError(error.data, res.status, now);
    if (res.status >= 400) throw httpStatusError(res, write, now);
    return expectShape(schema, json, res);
  }
}

function definedOnly(params: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
}

function postBody(fields: Record<string, string>, files: WeiboFile[] | undefined) {
  if (!files?.length) return { kind: 'form' as const, fields };
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append(f.field, filePart(f.data, f.contentType), f.fileName);
  return { kind: 'multipart' as const, form };
}
