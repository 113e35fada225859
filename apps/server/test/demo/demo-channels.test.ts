import { type Account, type ConnectionTestResult, type PortalColumn } from '@sunlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoChannels } from '../../src/modules/demo/demo-channels';
import { testEngines } from '../support/engines';
import { type TestApp } from '../support/test-app';
import { type DemoStart, startDemo } from './support/demo-start';

describe.each(testEngines())('the demo organisation’s channel accounts on %s', (engine) => {
  let demo: DemoStart;
  let t: TestApp;

  beforeAll(async () => {
    // Without the history this test does not read.
    demo = await startDemo(engine, 'demo-test', { weibo: 0, wechat: 0, portal: 0 });
    t = demo.t;
  });

  afterAll(() => demo?.close());

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
        '警营公开',
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
