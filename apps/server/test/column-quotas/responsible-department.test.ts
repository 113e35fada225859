import { type Account, type Department, type PortalColumn, type Post } from '@sunlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient } from '../support/api-client';
import { testEngines } from '../support/engines';
import { startTestApp, type TestApp } from '../support/test-app';
import { onboard, scopedUser } from '../support/users';

// 责任部门: a 分局 keeps one column of the city portal updated, so its editors may write to that column —
// and to no other column of the portal.
describe.each(testEngines())('a column’s responsible department on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let eastEditor: ApiClient;
  let westEditor: ApiClient;
  let portal: Account;
  let eastWeibo: Account;
  let dcdt: PortalColumn;
  let tzgg: PortalColumn;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as('admin');
    const city = admin.session!.user.departmentId;
    const dept = async (name: string) =>
      (await admin.post<Department>('/api/departments', { name, parentId: city })).body;
    const east = await dept('东城分局');
    const west = await dept('西城分局');
    eastEditor = (await onboard(t, admin, scopedUser('east_editor', 'editor', east))).client;
    westEditor = (await onboard(t, admin, scopedUser('west_editor', 'editor', west))).client;
    const account = async (
      departmentId: number,
      channel: 'portal' | 'weibo',
      name: string,
      baseUrl: string,
    ) => (await admin.post<Account>('/api/accounts', { departmentId, channel, name, baseUrl })).body;
    portal = await account(city, 'portal', '市局网站', 'https://www.example.gov.cn');
    eastWeibo = await account(east.id, 'weibo', '东城公安', 'https://api.weibo.com');
    const column = async (code: string, name: string, responsibleDepartmentId: number | null) =>
      (
        await admin.post<PortalColumn>(`/api/accounts/${portal.id}/columns`, {
          code,
          name,
          responsibleDepartmentId,
        })
      ).body;
    dcdt = await column('dcdt', '东城动态', east.id);
    tzgg = await column('tzgg', '通知公告', null);
  });
  afterAll(() => t?.close());

  it('lists the portal to the responsible 分局 with its own columns only', async () => {
    const accounts = await eastEditor.get<Account[]>('/api/accounts');
    expect(accounts.body.map((a) => a.name)).toEqual(['市局网站', '东城公安']);
    const columns = await eastEditor.get<PortalColumn[]>(`/api/accounts/${portal.id}/columns`);
    expect(columns.status).toBe(200);
    expect(columns.body.map((c) => c.code)).toEqual(['dcdt']);
    expect((await westEditor.get<Account[]>('/api/accounts')).body).toEqual([]);
    expect((await westEditor.get(`/api/accounts/${portal.id}/columns`)).status).toBe(403);
    const all = await admin.get<PortalColumn[]>(`/api/accounts/${portal.id}/columns`);
    expect(all.body.map((c) => c.code)).toEqual(['dcdt', 'tzgg']);
  });

  it('lets the 分局 editor write to its column of the city portal, and to no other column', async () => {
    const created = await eastEditor.post<Post>('/api/posts', {
      title: '东城分局开展反诈宣传',
      body: '<p>东城分局今日走进社区开展反诈宣传。</p>',
      targets: [
        { accountId: eastWeibo.id, columnId: null },
        // A portal target may wait for its column while the post is a draft.
        { accountId: portal.id, columnId: null },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const chosen = await eastEditor.patch<Post>(`/api/posts/${created.body.id}`, {
      version: created.body.version,
      targets: [
        { accountId: eastWeibo.id, columnId: null },
        { accountId: portal.id, columnId: dcdt.id },
      ],
    });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    const other = await eastEditor.patch<{ message: string }>(`/api/posts/${created.body.id}`, {
      version: chosen.body.version,
      targets: [{ accountId: portal.id, columnId: tzgg.id }],
    });
    expect(other.status).toBe(403);
    expect(other.body.message).toContain('没有由您的部门负责的栏目');
    const west = await westEditor.post('/api/posts', {
      title: '西城',
      targets: [{ accountId: portal.id, columnId: null }],
    });
    expect(west.status).toBe(403);
  });
});
