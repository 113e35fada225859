// The real channel sandbox, started in-process on a temp data dir with a fixed seed, and the control calls
// the channel tests need: accounts, faults, the simulated public, the published ledger.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Sandbox, startSandbox } from '@sunlight/sandbox';
import { Clock } from '../../../src/common/clock';
import type { ChannelAccount } from '../../../src/channels/channel.interface';
import { ChannelHttp } from '../../../src/channels/http/channel-http';

/** Short enough that a held connection fails a test fast, long enough for a loaded CI machine. */
export const TEST_TIMEOUT_MS = 1000;

export interface FaultSpec {
  account?: string;
  platform?: 'weibo' | 'wechat' | 'portal' | '*';
  endpoint?: string;
  method?: string;
  kind:
    | 'status'
    | 'platformError'
    | 'rateLimit'
    | 'tokenExpired'
    | 'timeout'
    | 'slow'
    | 'drop'
    | 'publishOutcome';
  phase?: 'before' | 'after';
  times?: number;
  skip?: number;
  delayMs?: number;
  status?: number;
  code?: number;
  message?: string;
  publishStatus?: 2 | 3 | 4;
  failIdx?: number[];
}

export interface ChannelSandbox {
  url: string;
  sb: Sandbox;
  http: ChannelHttp;
  clock: Clock;
  ctl<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
  fault(spec: FaultSpec): Promise<void>;
  clearFaults(): Promise<void>;
  close(): Promise<void>;
}

export async function startChannelSandbox(seed = 'channels-test'): Promise<ChannelSandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sunlight-channels-'));
  const sb = await startSandbox({ port: 0, dataDir, seed });
  const ctl = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${sb.url}/__control${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as T;
    if (res.status >= 400)
      throw new Error(`control ${method} ${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    url: sb.url,
    sb,
    http: new ChannelHttp({ timeoutMs: TEST_TIMEOUT_MS }),
    clock: new Clock(),
    ctl,
    fault: async (spec) => {
      await ctl('POST', '/faults', spec);
    },
    clearFaults: async () => {
      await ctl('DELETE', '/faults');
    },
    close: async () => {
      await sb.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface AccountView {
  id: string;
  name: string;
  baseUrl: string;
  credentials: Record<string, string | null>;
  feeds?: { rss: string; atom: string };
}

let nextId = 1;

export async function weiboAccount(t: ChannelSandbox, extra: Record<string, unknown> = {}) {
  const v = await t.ctl<AccountView>('POST', '/accounts', { platform: 'weibo', name: '平安江城', ...extra });
  const account: ChannelAccount = {
    id: nextId++,
    channel: 'weibo',
    baseUrl: v.baseUrl,
    settings: { uid: v.credentials.uid! },
    secrets: { appKey: v.credentials.appKey!, appSecret: v.credentials.appSecret! },
    accessToken: v.credentials.accessToken ?? null,
  };
  return { sandboxId: v.id, name: v.name, account };
}

export async function wechatAccount(t: ChannelSandbox, extra: Record<string, unknown> = {}) {
  const v = await t.ctl<AccountView>('POST', '/accounts', {
    platform: 'wechat',
    name: '江城公安',
    publishDelayMs: 200,
    ...extra,
  });
  const account: ChannelAccount = {
    id: nextId++,
    channel: 'wechat',
    baseUrl: v.baseUrl,
    settings: { appid: v.credentials.appid! },
    secrets: { secret: v.credentials.secret! },
    accessToken: null,
  };
  return { sandboxId: v.id, name: v.name, ghId: v.credentials.ghId!, account };
}

export async function portalAccount(t: ChannelSandbox, extra: Record<string, unknown> = {}) {
  const v = await t.ctl<AccountView>('POST', '/accounts', {
    platform: 'portal',
    name: '江城市公安局',
    columns: [
      { code: 'jwdt', name: '警务动态' },
      { code: 'tzgg', name: '通知公告' },
    ],
    ...extra,
  });
  const account: ChannelAccount = {
    id: nextId++,
    channel: 'portal',
    baseUrl: v.baseUrl,
    settings: { siteId: v.credentials.siteId! },
    secrets: { apiKey: v.credentials.apiKey! },
    accessToken: null,
  };
  return { sandboxId: v.id, name: v.name, feeds: v.feeds!, account };
}

/** Waits until `check` passes (the sandbox finishes some work on its own timers). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
