// Starts real sandboxes on port 0 with a fresh temp data dir, and talks to them over HTTP.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox, type SandboxOptions } from '../src/server';

export interface TestSandbox {
  sb: Sandbox;
  url: string;
  dir: string;
  ctl: <T = Record<string, unknown>>(
    method: string,
    p: string,
    body?: unknown,
  ) => Promise<{ status: number; body: T }>;
  close(): Promise<void>;
  /** Closes and starts again on the same data dir (close() removes the dir). */
  restart(): Promise<TestSandbox>;
}

export async function startTest(opts: Partial<SandboxOptions> = {}, dir?: string): Promise<TestSandbox> {
  const dataDir = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-test-'));
  const sb = await startSandbox({ port: 0, seed: 'test-seed', ...opts, dataDir });
  const ctl = async <T>(method: string, p: string, body?: unknown) => {
    const res = await fetch(`${sb.url}/__control${p}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  const t: TestSandbox = {
    sb,
    url: sb.url,
    dir: dataDir,
    ctl,
    close: async () => {
      await sb.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    restart: async () => {
      await sb.close();
      return startTest(opts, dataDir);
    },
  };
  return t;
}

export interface WeiboCreds {
  id: string;
  uid: string;
  token: string;
  name: string;
}

export async function weiboAccount(t: TestSandbox, extra: Record<string, unknown> = {}): Promise<WeiboCreds> {
  const r = await t.ctl<{ id: string; name: string; credentials: { uid: string; accessToken: string } }>(
    'POST',
    '/accounts',
    {
      platform: 'weibo',
      name: '平安江城',
      ...extra,
    },
  );
  if (r.status !== 201) throw new Error(`create failed: ${JSON.stringify(r.body)}`);
  return {
    id: r.body.id,
    uid: r.body.credentials.uid,
    token: r.body.credentials.accessToken,
    name: r.body.name,
  };
}

/** A Weibo call; the raw text is kept because numeric ids do not survive JSON.parse. */
export async function weibo(
  t: TestSandbox,
  method: 'GET' | 'POST',
  p: string,
  params: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown>; raw: string }> {
  const qs = new URLSearchParams(params).toString();
  const res =
    method === 'GET'
      ? await fetch(`${t.url}${p}?${qs}`)
      : await fetch(`${t.url}${p}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: qs,
        });
  const raw = await res.text();
  return { status: res.status, body: JSON.parse(raw) as Record<string, unknown>, raw };
}

export async function share(t: TestSandbox, a: WeiboCreds, text: string) {
  return weibo(t, 'POST', '/2/statuses/share.json', { access_token: a.token, status: text, rip: '10.1.2.3' });
}

export async function wechatAccount(t: TestSandbox, extra: Record<string, unknown> = {}) {
  const r = await t.ctl<{ id: string; credentials: { appid: string; secret: string } }>('POST', '/accounts', {
    platform: 'wechat',
    name: '江城公安',
    publishDelayMs: 300,
    ...extra,
  });
  if (r.status !== 201) throw new Error(`create failed: ${JSON.stringify(r.body)}`);
  return { id: r.body.id, ...r.body.credentials };
}

export async function wx<T = Record<string, unknown>>(
  t: TestSandbox,
  p: string,
  token: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(
    `${t.url}${p}${p.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(token)}`,
    {
      method: body === undefined ? 'GET' : 'POST',
      body: body === undefined ? undefined : JSON.stringify(body),
    },
  );
  if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${p}`);
  return (await res.json()) as T;
}

export async function wxToken(t: TestSandbox, appid: string, secret: string): Promise<string> {
  const r = (await (
    await fetch(`${t.url}/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${secret}`)
  ).json()) as {
    access_token: string;
  };
  return r.access_token;
}

// The smallest valid JPEG header is enough: the sandbox sniffs magic bytes, it does not decode images.
export const TINY_JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.alloc(200, 1),
  Buffer.from([0xff, 0xd9]),
]);
