// Simulated accounts: a Weibo user (uid + app + access token), a WeChat official account (appid/secret)
// or a portal site (API key + columns). Created through the control API; cached in memory because every
// platform request looks its account up.
import { z } from 'zod';
import type { Db } from './db';
import { hash01 } from './rng';
import { ConflictError } from './errors';
import { sha1 } from './ids';

export const PLATFORMS = ['weibo', 'wechat', 'portal'] as const;
export type Platform = (typeof PLATFORMS)[number];

const idSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . - only (≤64)');

export const weiboInput = z.object({
  platform: z.literal('weibo'),
  id: idSchema.optional(),
  name: z.string().min(1).max(30),
  uid: z
    .string()
    .regex(/^\d{6,12}$/)
    .optional(),
  appKey: z.string().min(1).optional(),
  appSecret: z.string().min(1).optional(),
  appName: z.string().min(1).optional(),
  description: z.string().optional(),
  location: z.string().optional(),
  followers: z.number().int().nonnegative().optional(),
  /** Hosts a shared status must link to (the app's 安全域名); [] turns the check off. */
  safeDomains: z.array(z.string()).optional(),
  requireRip: z.boolean().optional(),
  tokenTtlSeconds: z.number().int().positive().optional(),
  duplicateWindowHours: z.number().nonnegative().optional(),
  limits: z
    .object({
      callsPerHour: z.number().int().positive(),
      postsPerHour: z.number().int().positive(),
      commentsPerHour: z.number().int().positive(),
    })
    .partial()
    .optional(),
  token: z
    .object({ value: z.string().min(8).optional(), expiresIn: z.number().int().positive().optional() })
    .optional(),
});

export const wechatInput = z.object({
  platform: z.literal('wechat'),
  id: idSchema.optional(),
  name: z.string().min(1).max(30),
  appid: z
    .string()
    .regex(/^wx[0-9a-zA-Z]{6,32}$/)
    .optional(),
  secret: z.string().min(8).optional(),
  ghId: z.string().optional(),
  followers: z.number().int().nonnegative().optional(),
  tokenTtlSeconds: z.number().int().positive().optional(),
  /** How long a token stays valid after /cgi-bin/token issued a newer one (WeChat: 5 minutes). */
  graceSeconds: z.number().int().nonnegative().optional(),
  /** Time from freepublish/submit to its final status. */
  publishDelayMs: z.number().int().nonnegative().optional(),
  commentPrivilege: z.boolean().optional(),
  callback: z
    .object({ url: z.url(), token: z.string().min(3), timeoutMs: z.number().int().positive().optional() })
    .nullable()
    .optional(),
  quotas: z
    .object({ tokenPerDay: z.number().int().positive(), massPerDay: z.number().int().positive() })
    .partial()
    .optional(),
});

export const portalInput = z.object({
  platform: z.literal('portal'),
  id: idSchema.optional(),
  name: z.string().min(1),
  siteId: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/)
    .optional(),
  apiKey: z.string().min(8).optional(),
  columns: z
    .array(z.object({ code: z.string().regex(/^[a-z0-9_-]{1,40}$/), name: z.string().min(1) }))
    .min(1),
  /** `legacy` serves the RSS the way many government CMSes do: GB2312, relative links, a bare &, gaps. */
  feedStyle: z.enum(['standard', 'legacy']).optional(),
  rateLimitPerMinute: z.number().int().positive().optional(),
});

export const accountInput = z.discriminatedUnion('platform', [weiboInput, wechatInput, portalInput]);
export type AccountInput = z.infer<typeof accountInput>;

export interface WeiboConfig {
  uid: string;
  appKey: string;
  appSecret: string;
  appName: string;
  description: string;
  location: string;
  followers: number;
  safeDomains: string[];
  requireRip: boolean;
  tokenTtlSeconds: number;
  duplicateWindowHours: number;
  limits: { callsPerHour: number; postsPerHour: number; commentsPerHour: number };
}

export interface WechatConfig {
  appid: string;
  secret: string;
  ghId: string;
  followers: number;
  tokenTtlSeconds: number;
  graceSeconds: number;
  publishDelayMs: number;
  commentPrivilege: boolean;
  callback: { url: string; token: string; timeoutMs?: number } | null;
  quotas: { tokenPerDay: number; massPerDay: number };
}

export interface PortalConfig {
  siteId: string;
  apiKey: string;
  columns: { code: string; name: string }[];
  feedStyle: 'standard' | 'legacy';
  rateLimitPerMinute: number;
}

interface Base {
  id: string;
  name: string;
  createdAt: number;
}
export type WeiboAccount = Base & { platform: 'weibo'; config: WeiboConfig };
export type WechatAccount = Base & { platform: 'wechat'; config: WechatConfig };
export type PortalAccount = Base & { platform: 'portal'; config: PortalConfig };
export type Account = WeiboAccount | WechatAccount | PortalAccount;

/** Derives stable credentials from the seed so that a demo data set is the same on every machine. */
function derived(seed: string, what: string, name: string, digits: number): string {
  let out = '';
  for (let i = 0; out.length < digits; i++) out += sha1(`${seed}:${what}:${name}:${i}`);
  return out.slice(0, digits);
}

export function buildAccount(input: AccountInput, seed: string, now: number): Account {
  switch (input.platform) {
    case 'weibo': {
      const uid =
        input.uid ?? String(2_000_000_000 + Math.floor(hash01(seed, 'uid', input.name) * 999_999_999));
      const config: WeiboConfig = {
        uid,
        appKey: input.appKey ?? String(1_000_000_000 + Math.floor(hash01(seed, 'appkey') * 999_999_999)),
        appSecret: input.appSecret ?? derived(seed, 'appsecret', '', 32),
        appName: input.appName ?? '阳光政务',
        description: input.description ?? `${input.name}官方微博`,
        location: input.location ?? '',
        followers: input.followers ?? 50_000 + Math.floor(hash01(seed, 'followers', uid) * 900_000),
        safeDomains: input.safeDomains ?? ['localhost', '127.0.0.1', 'gov.cn'],
        requireRip: input.requireRip ?? true,
        tokenTtlSeconds: input.tokenTtlSeconds ?? 7 * 86_400,
        duplicateWindowHours: input.duplicateWindowHours ?? 72,
        limits: { callsPerHour: 1000, postsPerHour: 30, commentsPerHour: 60, ...input.limits },
      };
      return { platform: 'weibo', id: input.id ?? `weibo-${uid}`, name: input.name, createdAt: now, config };
    }
    case 'wechat': {
      const appid = input.appid ?? `wx${derived(seed, 'appid', input.name, 16)}`;
      const config: WechatConfig = {
        appid,
        secret: input.secret ?? derived(seed, 'secret', appid, 32),
        ghId: input.ghId ?? `gh_${derived(seed, 'gh', appid, 12)}`,
        followers: input.followers ?? 20_000 + Math.floor(hash01(seed, 'fans', appid) * 300_000),
        tokenTtlSeconds: input.tokenTtlSeconds ?? 7200,
        graceSeconds: input.graceSeconds ?? 300,
        publishDelayMs: input.publishDelayMs ?? 1500,
        commentPrivilege: input.commentPrivilege ?? true,
        callback: input.callback ?? null,
        quotas: { tokenPerDay: 2000, massPerDay: 100, ...input.quotas },
      };
      return {
        platform: 'wechat',
        id: input.id ?? `wechat-${appid}`,
        name: input.name,
        createdAt: now,
        config,
      };
    }
    case 'portal': {
      const siteId = input.siteId ?? `site-${derived(seed, 'site', input.name, 6)}`;
      const config: PortalConfig = {
        siteId,
        apiKey: input.apiKey ?? derived(seed, 'apikey', siteId, 32),
        columns: input.columns,
        feedStyle: input.feedStyle ?? 'standard',
        rateLimitPerMinute: input.rateLimitPerMinute ?? 600,
      };
      return {
        platform: 'portal',
        id: input.id ?? `portal-${siteId}`,
        name: input.name,
        createdAt: now,
        config,
      };
    }
  }
}

export function accountKey(a: Account): string {
  switch (a.platform) {
    case 'weibo':
      return a.config.uid;
    case 'wechat':
      return a.config.appid;
    case 'portal':
      return a.config.siteId;
  }
}

interface Row {
  id: string;
  platform: Platform;
  name: string;
  config: string;
  created_at: number;
}

export class Accounts {
  private cache = new Map<string, Account>();
  /** platform:key → account, for the per-request lookups by uid, appid and site id. */
  private byKey = new Map<string, Account>();

  constructor(private readonly db: Db) {
    const rows = db.prepare('SELECT id, platform, name, config, created_at FROM accounts').all() as Row[];
    for (const r of rows) this.remember(this.fromRow(r));
  }

  private remember(a: Account): void {
    const old = this.cache.get(a.id);
    if (old) this.byKey.delete(`${old.platform}:${accountKey(old)}`);
    this.cache.set(a.id, a);
    this.byKey.set(`${a.platform}:${accountKey(a)}`, a);
  }

  private fromRow(r: Row): Account {
    return {
      id: r.id,
      platform: r.platform,
      name: r.name,
      createdAt: r.created_at,
      config: JSON.parse(r.config) as unknown,
    } as Account;
  }

  /** Inserts a new account; throws a readable error when its id or platform key is taken. */
  insert(a: Account): Account {
    if (this.cache.has(a.id)) throw new ConflictError(`account id ${a.id} already exists`);
    const key = accountKey(a);
    if (this.byKey.has(`${a.platform}:${key}`)) {
      throw new ConflictError(`a ${a.platform} account with key ${key} already exists`);
    }
    this.db
      .prepare('INSERT INTO accounts (id, platform, key, name, config, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(a.id, a.platform, key, a.name, JSON.stringify(a.config), a.createdAt);
    this.remember(a);
    return a;
  }

  save(a: Account): void {
    this.db
      .prepare('UPDATE accounts SET name = ?, config = ?, key = ? WHERE id = ?')
      .run(a.name, JSON.stringify(a.config), accountKey(a), a.id);
    this.remember(a);
  }

  get(id: string): Account | undefined {
    return this.cache.get(id);
  }

  list(platform?: Platform): Account[] {
    const all = [...this.cache.values()];
    return (platform ? all.filter((a) => a.platform === platform) : all).sort(
      (a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id),
    );
  }

  weiboByUid(uid: string): WeiboAccount | undefined {
    return this.byKey.get(`weibo:${uid}`) as WeiboAccount | undefined;
  }

  wechatByAppid(appid: string): WechatAccount | undefined {
    return this.byKey.get(`wechat:${appid}`) as WechatAccount | undefined;
  }

  portalBySite(siteId: string): PortalAccount | undefined {
    return this.byKey.get(`portal:${siteId}`) as PortalAccount | undefined;
  }
}
