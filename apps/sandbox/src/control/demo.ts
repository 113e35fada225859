// Demo mode: the demo organisation's accounts (one Weibo and one WeChat per department, one portal with
// the seven columns of a city police site), their history since 1 January of last year — each account at
// its own rhythm, the portal's columns against their update quotas — and a manifest telling the product
// how to reach them. Runs once per data dir; later starts only rewrite the manifest.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { SandboxContext } from '../core/context';
import { getMeta, setMeta } from '../core/db';
import { ymd } from '../core/time';
import { columnPlanInput, type Quota } from '../public-simulator/history-columns';
import { seedHistory } from '../public-simulator/history';
import type { PublicSimulator } from '../public-simulator/simulator';
import { accountView, mustAccount } from './control-common';
import { createAccount } from './accounts-routes';

const channelHistory = z
  .object({
    perWeek: z.number().positive().max(500),
    originalRatio: z.number().min(0).max(1),
    commentsPerPost: z.number().min(0).max(200),
    engagement: z.number().positive().max(100),
    weekendFactor: z.number().min(0).max(1),
    quietDays: z.number().int().min(0).max(3650),
    messagesPerWeek: z.number().min(0).max(500),
  })
  .partial();
type ChannelHistory = z.infer<typeof channelHistory>;

export const demoInput = z.object({
  departments: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z0-9-]{1,20}$/),
        name: z.string(),
        weibo: z.string().optional(),
        wechat: z.string().optional(),
        /** How the department's accounts publish and how much attention they get. */
        history: z.object({ weibo: channelHistory, wechat: channelHistory }).partial().optional(),
      }),
    )
    .min(1)
    .optional(),
  portal: z
    .object({
      name: z.string(),
      siteId: z.string(),
      /** Columns with the update quota the demo office is held to; its history follows them. */
      columns: z.array(columnPlanInput.extend({ name: z.string() })).min(1),
      history: channelHistory.optional(),
    })
    .optional(),
  history: z
    .object({
      /** First day of the history (default: 1 January of last year, so last year is whole). */
      from: z.string().optional(),
      /** Exactly this many posts per account instead of each account's rhythm (0 = no history). */
      weibo: z.number().int().min(0),
      wechat: z.number().int().min(0),
      portal: z.number().int().min(0),
    })
    .partial()
    .optional(),
});
export type DemoInput = z.input<typeof demoInput>;

export const DEMO_DEPARTMENTS = [
  { code: 'sj', name: '江城市公安局', weibo: '平安江城', wechat: '江城公安' },
  { code: 'dh', name: '东湖分局', weibo: '东湖公安', wechat: '东湖警方' },
  { code: 'jb', name: '江北分局', weibo: '江北公安', wechat: '江北警方' },
  { code: 'bj', name: '滨江分局', weibo: '滨江公安', wechat: '滨江警方' },
  { code: 'jj', name: '交警支队', weibo: '江城交警', wechat: '江城交警' },
];

export const DEMO_PORTAL = {
  name: '江城市公安局',
  siteId: 'jcga',
  columns: [
    { code: 'jwdt', name: '警务动态' },
    { code: 'tzgg', name: '通知公告' },
    { code: 'jfts', name: '警方提示' },
    { code: 'bszn', name: '办事指南' },
    { code: 'zcfg', name: '政策法规' },
    { code: 'jgxx', name: '交管信息' },
    { code: 'zwgk', name: '政务公开' },
    { code: 'jygk', name: '警营公开' },
  ],
};

/** A typical 分局 account, for a department the demo input says nothing about. */
const TYPICAL: Record<'weibo' | 'wechat' | 'portal', ChannelHistory> = {
  weibo: { perWeek: 8, originalRatio: 0.65, commentsPerPost: 1.5, weekendFactor: 0.45 },
  wechat: { perWeek: 3, originalRatio: 0.85, commentsPerPost: 1, weekendFactor: 0.3 },
  portal: { perWeek: 6, originalRatio: 0.9, commentsPerPost: 0, weekendFactor: 0.15 },
};
const BURSTS = 6;

export interface DemoManifest {
  sandboxUrl: string;
  departments: { code: string; name: string; weibo: unknown; wechat: unknown }[];
  portal: unknown;
}

interface DemoPlan {
  departments: { code: string; name: string; weibo: string; wechat: string }[];
  portal: string;
  /** Update quotas by column code, handed to the product with the portal account. */
  quotas?: Record<string, Quota>;
}

export function buildManifest(ctx: SandboxContext): DemoManifest | null {
  const raw = getMeta(ctx.db, 'demo_accounts');
  if (!raw) return null;
  const plan = JSON.parse(raw) as DemoPlan;
  return {
    sandboxUrl: ctx.publicBase,
    departments: plan.departments.map((d) => ({
      code: d.code,
      name: d.name,
      weibo: accountView(ctx, mustAccount(ctx, d.weibo)),
      wechat: accountView(ctx, mustAccount(ctx, d.wechat)),
    })),
    portal: { ...accountView(ctx, mustAccount(ctx, plan.portal)), quotas: plan.quotas ?? {} },
  };
}

export function seedDemo(ctx: SandboxContext, sim: PublicSimulator, raw: DemoInput = {}): DemoManifest {
  const existing = buildManifest(ctx);
  if (existing) return existing;
  const input = demoInput.parse(raw);
  const departments: NonNullable<DemoInput['departments']> = input.departments ?? DEMO_DEPARTMENTS;
  const portalDef: NonNullable<DemoInput['portal']> = input.portal ?? DEMO_PORTAL;
  const now = ctx.clock.now();
  const range = {
    from: input.history?.from ?? `${Number(ymd(now).slice(0, 4)) - 1}-01-01`,
    to: ymd(now),
    bursts: BURSTS,
  };
  /** The account's own rhythm, or exactly `count` posts when the input asks for a number (0: none). */
  const history = (kind: 'weibo' | 'wechat' | 'portal', own: ChannelHistory | undefined) => {
    const count = input.history?.[kind];
    const profile = { ...range, ...TYPICAL[kind], ...own };
    if (count === 0) return null;
    if (count !== undefined) {
      const { perWeek: _rate, quietDays: _quiet, ...rest } = profile;
      return { ...rest, count };
    }
    return profile;
  };
  const plan: DemoPlan = { departments: [], portal: '' };
  for (const d of departments) {
    const own = d.history;
    const weibo = createAccount(ctx, {
      platform: 'weibo',
      id: `demo-weibo-${d.code}`,
      name: d.weibo ?? d.name,
      description: `${d.name}官方微博`,
      // The developer's own account keeps its token for 5 years, so the demo never needs re-authorising.
      token: { expiresIn: 5 * 365 * 86_400 },
    });
    const wechat = createAccount(ctx, {
      platform: 'wechat',
      id: `demo-wechat-${d.code}`,
      name: d.wechat ?? d.name,
    });
    const weiboHistory = history('weibo', own?.weibo);
    if (weiboHistory) seedHistory(ctx, sim, mustAccount(ctx, weibo.id), weiboHistory);
    const wechatHistory = history('wechat', own?.wechat);
    if (wechatHistory) seedHistory(ctx, sim, mustAccount(ctx, wechat.id), wechatHistory);
    plan.departments.push({ code: d.code, name: d.name, weibo: weibo.id, wechat: wechat.id });
  }
  const columns = portalDef.columns.map((c) => columnPlanInput.extend({ name: z.string() }).parse(c));
  const portal = createAccount(ctx, {
    platform: 'portal',
    id: `demo-portal-${portalDef.siteId}`,
    name: portalDef.name,
    siteId: portalDef.siteId,
    columns: columns.map((c) => ({ code: c.code, name: c.name })),
  });
  const portalHistory = history('portal', portalDef.history);
  if (portalHistory) {
    const quoted = columns.some((c) => c.quota) && !('count' in portalHistory);
    const byColumn = () => {
      const { perWeek: _rate, ...rest } = portalHistory as ChannelHistory & typeof range;
      return { ...rest, columns: columns.map(({ name: _n, ...c }) => c) };
    };
    seedHistory(ctx, sim, mustAccount(ctx, portal.id), quoted ? byColumn() : portalHistory);
  }
  plan.portal = portal.id;
  plan.quotas = Object.fromEntries(columns.flatMap((c) => (c.quota ? [[c.code, c.quota]] : [])));
  setMeta(ctx.db, 'demo_accounts', JSON.stringify(plan));
  return buildManifest(ctx)!;
}

export function writeManifest(ctx: SandboxContext, manifest: DemoManifest): string {
  const file = path.join(ctx.dataDir, 'demo-manifest.json');
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
  return file;
}
