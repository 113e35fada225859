// Demo mode: the demo organisation's accounts (one Weibo and one WeChat per department, one portal with
// the seven columns of a city police site), a year of history each, and a manifest telling the product
// how to reach them. Runs once per data dir; later starts only rewrite the manifest.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { SandboxContext } from '../core/context';
import { getMeta, setMeta } from '../core/db';
import { DAY_MS, ymd } from '../core/time';
import { seedHistory } from '../public-simulator/history';
import type { PublicSimulator } from '../public-simulator/simulator';
import { accountView, mustAccount } from './control-common';
import { createAccount } from './accounts-routes';

export const demoInput = z.object({
  departments: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z0-9-]{1,20}$/),
        name: z.string(),
        weibo: z.string().optional(),
        wechat: z.string().optional(),
      }),
    )
    .min(1)
    .optional(),
  portal: z
    .object({
      name: z.string(),
      siteId: z.string(),
      columns: z.array(z.object({ code: z.string(), name: z.string() })).min(1),
    })
    .optional(),
  /** Posts of history per account over the last year (0 = none). */
  history: z
    .object({
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
  ],
};

export interface DemoManifest {
  sandboxUrl: string;
  departments: { code: string; name: string; weibo: unknown; wechat: unknown }[];
  portal: unknown;
}

export function buildManifest(ctx: SandboxContext): DemoManifest | null {
  const raw = getMeta(ctx.db, 'demo_accounts');
  if (!raw) return null;
  const plan = JSON.parse(raw) as {
    departments: { code: string; name: string; weibo: string; wechat: string }[];
    portal: string;
  };
  return {
    sandboxUrl: ctx.publicBase,
    departments: plan.departments.map((d) => ({
      code: d.code,
      name: d.name,
      weibo: accountView(ctx, mustAccount(ctx, d.weibo)),
      wechat: accountView(ctx, mustAccount(ctx, d.wechat)),
    })),
    portal: accountView(ctx, mustAccount(ctx, plan.portal)),
  };
}

export function seedDemo(ctx: SandboxContext, sim: PublicSimulator, raw: DemoInput = {}): DemoManifest {
  const existing = buildManifest(ctx);
  if (existing) return existing;
  const input = demoInput.parse(raw);
  const departments = input.departments ?? DEMO_DEPARTMENTS;
  const portalDef = input.portal ?? DEMO_PORTAL;
  const history = { weibo: 300, wechat: 120, portal: 400, ...input.history };
  const now = ctx.clock.now();
  const range = { from: ymd(now - 365 * DAY_MS), to: ymd(now - DAY_MS) };
  const plan = {
    departments: [] as { code: string; name: string; weibo: string; wechat: string }[],
    portal: '',
  };
  for (const d of departments) {
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
    if (history.weibo)
      seedHistory(ctx, sim, mustAccount(ctx, weibo.id), {
        ...range,
        count: history.weibo,
        originalRatio: 0.25,
      });
    if (history.wechat)
      seedHistory(ctx, sim, mustAccount(ctx, wechat.id), {
        ...range,
        count: history.wechat,
        originalRatio: 0.65,
      });
    plan.departments.push({ code: d.code, name: d.name, weibo: weibo.id, wechat: wechat.id });
  }
  const portal = createAccount(ctx, {
    platform: 'portal',
    id: `demo-portal-${portalDef.siteId}`,
    ...portalDef,
  });
  if (history.portal)
    seedHistory(ctx, sim, mustAccount(ctx, portal.id), {
      ...range,
      count: history.portal,
      originalRatio: 0.8,
    });
  plan.portal = portal.id;
  setMeta(ctx.db, 'demo_accounts', JSON.stringify(plan));
  return buildManifest(ctx)!;
}

export function writeManifest(ctx: SandboxContext, manifest: DemoManifest): string {
  const file = path.join(ctx.dataDir, 'demo-manifest.json');
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
  return file;
}
