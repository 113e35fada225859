// One WeChat API call: access_token in the query, JSON or multipart bodies, errcode checked before shape.
import { type z } from 'zod';
import { type Clock } from '../../common/clock';
import { TokenExpiredError } from '../channel-errors';
import { type ChannelAccount } from '../channel.interface';
import { type RequestBody } from '../http/body';
import { type ChannelHttp } from '../http/channel-http';
import { expectShape, httpStatusError, parseJson } from '../http/responses';
import { wechatError } from './wechat-errors';
import { wechatStatus } from './wechat-wire';

export interface WechatCall<S extends z.ZodType> {
  method?: 'GET' | 'POST';
  /** e.g. "/cgi-bin/draft/add" */
  path: string;
  query?: Record<string, string>;
  body?: RequestBody;
  schema: S;
  /** Most WeChat reads are POSTs too: each call says whether it changes anything. */
  write: boolean;
  /** false for the token endpoints themselves. */
  auth?: boolean;
}

export class WechatClient {
  constructor(
    private readonly http: ChannelHttp,
    private readonly clock: Clock,
  ) {}

  async call<S extends z.ZodType>(account: ChannelAccount, call: WechatCall<S>): Promise<z.infer<S>> {
    const query = { ...call.query };
    if (call.auth !== false) {
      // No token yet is the same case as an expired one: the caller refreshes once and retries.
      if (!account.accessToken)
        throw new TokenExpiredError({ code: null, message: '尚未获取 access_token / no access token yet' });
      query.access_token = account.accessToken;
    }
    const res = await this.http.send({
      method: call.method ?? 'POST',
      url: `${account.baseUrl.replace(/\/+$/, '')}${call.path}`,
      query,
      body: call.body,
      write: call.write,
    });
    const now = this.clock.now();
    if (res.status !== 200) throw httpStatusError(res, call.write, now);
    const json = parseJson(res);
    const status = wechatStatus.safeParse(json);
    if (status.success && status.data.errcode !== undefined && status.data.errcode !== 0)
      throw wechatError(status.data.errcode, status.data.errmsg, now);
    return expectShape(call.schema, json, res);
  }
}
