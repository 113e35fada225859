// One portal CMS call: X-Api-Key, JSON bodies, the {code, msg, data} envelope unwrapped and checked.
import { type z } from 'zod';
import { type Clock } from '../../common/clock';
import { ReauthRequiredError } from '../channel-errors';
import { type ChannelAccount } from '../channel.interface';
import { type ChannelHttp } from '../http/channel-http';
import { expectShape, httpStatusError, parseJson, retryAfter } from '../http/responses';
import { portalError } from './portal-errors';
import { envelope } from './portal-wire';

export interface PortalCall<S extends z.ZodType> {
  method: 'GET' | 'POST';
  /** Under the site's base URL, e.g. "/api/cms/articles". */
  path: string;
  query?: Record<string, string | undefined>;
  json?: unknown;
  schema: S;
}

export class PortalClient {
  constructor(
    private readonly http: ChannelHttp,
    private readonly clock: Clock,
  ) {}

  async call<S extends z.ZodType>(account: ChannelAccount, call: PortalCall<S>): Promise<z.infer<S>> {
    const key = account.secrets.apiKey;
    if (!key) throw new ReauthRequiredError({ code: null, message: '缺少门户 API Key / no portal API key' });
    const write = call.method === 'POST';
    const res = await this.http.send({
      method: call.method,
      url: `${account.baseUrl.replace(/\/+$/, '')}${call.path}`,
      query: call.query,
      headers: { 'x-api-key': key },
      body: call.json === undefined ? undefined : { kind: 'json', value: call.json },
      write,
    });
    const now = this.clock.now();
    let json: unknown;
    try {
      json = parseJson(res);
    } catch (e) {
      if (res.status >= 400) throw httpStatusError(res, write, now);
      throw e;
    }
    if (res.status >= 400 && !envelope.safeParse(json).success) throw httpStatusError(res, write, now);
    const { code, msg, data } = expectShape(envelope, json, res);
    if (code !== 0) {
      const retryAt = retryAfter(res, now) ?? new Date(now.getTime() + 60_000);
      throw portalError(code, msg ?? `portal error ${code}`, { status: res.status, write, retryAt });
    }
    return expectShape(call.schema, data, res);
  }
}
