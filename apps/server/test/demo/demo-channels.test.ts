import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Sandbox, startSandbox } from '@sunlight/sandbox';
import { type Account, type ConnectionTestResult, type PortalColumn } from '@sunlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoChannels } from '../../src/modules/demo/demo-channels';
import { testEngines } from '../support/engines';
import { startTestApp, type TestApp } from '../support/test-app';

const demoConfig = JSON.parse(
  readFileSync(join(__dirname, '../../../../config/demo-sandbox.json'), 'utf8'),
) as object;

describe.each(testEngines())('the demo organisation’s channel accounts on %s', (engine) => {
  let sandboxDir: string;
  let sb: Sandbox;
  let t: TestApp;

  beforeAll(async () => {
    sandboxDir = mkdtempSync(join(tmpdir(), 'sunlight-demo-sandbox-'));
    // The same demo set-up `npm start` asks of the sandbox, without the year of history this test does not read.
    sb = await startSandbox({
      dataDir: sandboxDir,
      seed: 'demo-test',
      demo: { ...demoConfig, history: { weibo: 0, wechat: 0, portal: 0 } },
    });
    t = await startTestApp(engine, {
      SUNLIGHT_DEMO: '1',
      SUNLIGHT_DEMO_ACCOUNTS: join(sandboxDir, 'demo-manifest.json'),
    });
  });

  afterAll(async () => {
    await t?.close();
    await sb?.close();
    rmSync(sandboxDir, { recursive: true, force: true });
  });

  it('connects a Weibo and a WeChat account per department and the bureau’s portal with its columns', async () => {
    const admin = await t.as('demo_admin');
    const accounts = (await admin.get<Account[]>('/api/accounts')).body;
    const byDept = accounts.map((a) => `${a.departmentName}/${a.channel}/${a.name}`).sort();
    expect(byDept).toEqual(
      [
        '东城分局/wechat/东城警方',
        '东城分局/weibo/东城公安',
        '南湖分局/wechat/南湖警方',
        '南湖分局/weibo/南湖公安',
        '示范市公安局/portal/示范市公安局门户网站',
        '示范市公安局/wechat/示范公安',
        '示范市公安局/weibo/平安示范',
        '西城分局/wechat/西城警方',
        '西城分局/weibo/西城公安',
      ].sort(),
    );
    expect(accounts.every((a) => a.credentialStatus === 'valid')).toBe(true);
    const portal = accounts.find((a) => a.channel === 'portal')!;
    const columns = (await admin.get<PortalColumn[]>(`/api/accounts/${portal.id}/columns`)).body;
    expect(columns.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        '警务动态',
        '通知公告',
        '警方提示',
        '办事指南',
        '政策法规',
        '交管信息',
        '政务公开',
      ]),
    );
    expect(columns.find((c) => c.code === 'jwdt')?.quota).toEqual({ period: 'week', min: 1, max: null });
  });

  it('reaches every demo account through its adapter', async () => {
    const admin = await t.as('demo_admin');
    const accounts = (await admin.get<Account[]>('/api/accounts')).body;
    for (const a of accounts) {
      const res = await admin.post<ConnectionTestResult>(`/api/accounts/${a.id}/test`);
      expect({ account: a.name, ok: res.body.ok, message: res.body.message }).toMatchObject({ ok: true });
    }
  });

  it('connects only once, leaving the accounts to the operator afterwards', async () => {
    await t.app.get(DemoChannels).connectOnce();
    const admin = await t.as('demo_admin');
    expect((await admin.get<Account[]>('/api/accounts')).body).toHaveLength(9);
  });
});
