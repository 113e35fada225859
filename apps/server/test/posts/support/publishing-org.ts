import { type Account, type Department, type PortalColumn, type Post } from '@sunlight/contracts';
import { afterAll, beforeAll, expect } from 'vitest';
import { type ApiClient } from '../../support/api-client';
import { type Engine } from '../../support/engines';
import { startTestApp, type TestApp } from '../../support/test-app';
import { onboard } from '../../support/users';

/**
 * A small organisation for the publishing workflow: the city 宣传处 (office) with its editors, two reviewers
 * and an approver, and 东城分局 (east) with an editor and an approver of its own; accounts of both.
 */
export interface PublishingOrg {
  admin: ApiClient;
  office: Department;
  east: Department;
  people: Record<PersonKey, ApiClient>;
  ids: Record<PersonKey, number>;
  officeWeibo: Account;
  officeWechat: Account;
  officePortal: Account;
  column: PortalColumn;
  eastWeibo: Account;
}

export const personKeys = [
  'editor',
  'editor2',
  'reviewer',
  'reviewer2',
  'approver',
  'leader',
  'reporter',
  'officeAdmin',
  'auditor',
  'eastEditor',
  'eastReviewer',
  'eastApprover',
] as const;
export type PersonKey = (typeof personKeys)[number];

export async function publishingOrg(t: TestApp): Promise<PublishingOrg> {
  const admin = await t.as('admin');
  const root = admin.session!.user.departmentId;
  const dept = async (name: string) =>
    (await admin.post<Department>('/api/departments', { name, parentId: root })).body;
  const office = await dept('宣传处');
  const east = await dept('东城分局');
  const who: Record<PersonKey, [string, Department]> = {
    editor: ['editor', office],
    editor2: ['editor', office],
    reviewer: ['reviewer', office],
    reviewer2: ['reviewer', office],
    approver: ['approver', office],
    leader: ['leader', office],
    reporter: ['reporter', office],
    officeAdmin: ['admin', office],
    auditor: ['auditor', office],
    eastEditor: ['editor', east],
    eastReviewer: ['reviewer', east],
    eastApprover: ['approver', east],
  };
  const people = {} as Record<PersonKey, ApiClient>;
  const ids = {} as Record<PersonKey, number>;
  for (const key of personKeys) {
    const [role, d] = who[key];
    const { client, user } = await onboard(t, admin, {
      username: `p_${key.toLowerCase()}`,
      displayName: key,
      departmentId: d.id,
      roles: [{ role, departmentId: d.id }],
    });
    people[key] = client;
    ids[key] = user.id;
  }
  const account = async (departmentId: number, channel: string, name: string, settings: object) => {
    const res = await admin.post<Account>('/api/accounts', {
      departmentId,
      channel,
      name,
      baseUrl: channel === 'portal' ? 'https://gaj.example.gov.cn' : 'https://api.example.com',
      settings,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const officeWeibo = await account(office.id, 'weibo', '平安示范', { uid: '100' });
  const officeWechat = await account(office.id, 'wechat', '示范公安', { appid: 'wx0001' });
  const officePortal = await account(office.id, 'portal', '示范市公安局网站', {});
  const eastWeibo = await account(east.id, 'weibo', '平安东城', { uid: '200' });
  const column = (
    await admin.post<PortalColumn>(`/api/accounts/${officePortal.id}/columns`, {
      code: 'jwdt',
      name: '警务动态',
    })
  ).body;
  return { admin, office, east, people, ids, officeWeibo, officeWechat, officePortal, column, eastWeibo };
}

/** A complete draft by the office editor for the office's three accounts. */
export async function draft(
  org: PublishingOrg,
  over: object = {},
  as: ApiClient = org.people.editor,
): Promise<Post> {
  const res = await as.post<Post>('/api/posts', {
    title: '夏季治安打击整治行动成果发布',
    body: '<p>今天上午，市公安局召开新闻发布会，通报夏季行动成果。</p>',
    targets: [
      { accountId: org.officeWeibo.id },
      { accountId: org.officeWechat.id },
      { accountId: org.officePortal.id, columnId: org.column.id },
    ],
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Moves a post through the calls given, each answered 200, and returns it as the last left it. */
export async function step(c: ApiClient, post: Post, path: string, body: object = {}): Promise<Post> {
  const res = await c.post<Post>(`/api/posts/${post.id}/${path}`, { version: post.version, ...body });
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

/** The app with the publishing organisation for one describe block; read `t` and `org` inside the tests. */
export function usePublishingApp(engine: Engine): { t: TestApp; org: PublishingOrg } {
  const ctx = {} as { t: TestApp; org: PublishingOrg };
  beforeAll(async () => {
    ctx.t = await startTestApp(engine);
    ctx.org = await publishingOrg(ctx.t);
  });
  afterAll(() => ctx.t?.close());
  return ctx;
}
