import {
  type CalendarEvent,
  type Department,
  type Post,
  type PostGate,
  type PostHistory,
  publicationPayloadSchema,
} from '@sunlight/contracts';
import { describe, expect, it } from 'vitest';
import { PublicationEntity } from '../../src/database/entities';
import { testEngines } from '../support/engines';
import { draft, step, usePublishingApp } from './support/publishing-org';

const HOUR = 3600_000;

describe.each(testEngines())('review, the gate and scheduling on %s', (engine) => {
  const ctx = usePublishingApp(engine);

  const publications = (postId: number) =>
    ctx.t.ds.getRepository(PublicationEntity).find({ where: { postId }, order: { accountId: 'ASC' } });

  async function approved(over: object = {}): Promise<Post> {
    let post = await draft(ctx.org, over);
    post = await step(ctx.org.people.editor, post, 'submit');
    post = await step(ctx.org.people.reviewer, post, 'review', { decision: 'approve' });
    return step(ctx.org.people.approver, post, 'review', { decision: 'approve' });
  }

  /** Words in the safety module's sensitive-word dictionary, as an admin enters them. */
  async function dictionary(words: Record<string, 'block' | 'warn'>) {
    for (const [text, level] of Object.entries(words)) {
      const res = await ctx.org.admin.post('/api/safety/dictionary', {
        kind: 'sensitive',
        text,
        level,
        category: '测试',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  }

  it('queues exactly one publication per target at the planned time when finally approved', async () => {
    const at = new Date(Date.now() + 2 * HOUR);
    at.setMilliseconds(0);
    const post = await approved({ scheduledAt: at.toISOString() });
    expect(post.status).toBe('scheduled');
    const rows = await publications(post.id);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'queued', source: 'sunlight', postId: post.id });
      expect(row.dueAt?.toISOString()).toBe(at.toISOString());
      expect(row.idempotencyKey).toBe(`post:${post.id}:account:${row.accountId}:v${post.version}`);
      publicationPayloadSchema.parse(JSON.parse(row.payload!));
    }
    const portal = rows.find((r) => r.accountId === ctx.org.officePortal.id)!;
    expect(JSON.parse(portal.payload!)).toMatchObject({
      columnCode: 'jwdt',
      title: '夏季治安打击整治行动成果发布',
    });
    const weibo = JSON.parse(rows.find((r) => r.accountId === ctx.org.officeWeibo.id)!.payload!) as {
      body: string;
    };
    expect(weibo.body).toMatch(/^【夏季治安打击整治行动成果发布】今天上午/);
  });

  it('waits as approved without a planned time, then schedules now or at a time', async () => {
    const post = await approved();
    expect(post.status).toBe('approved');
    expect(await publications(post.id)).toHaveLength(0);
    const before = Date.now();
    const scheduled = await step(ctx.org.people.editor, post, 'schedule');
    expect(scheduled.status).toBe('scheduled');
    const rows = await publications(post.id);
    expect(rows).toHaveLength(3);
    expect(rows[0]!.dueAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const past = await ctx.org.people.editor.post(`/api/posts/${post.id}/schedule`, {
      version: post.version,
      at: new Date(Date.now() - HOUR).toISOString(),
    });
    expect(past.status).toBe(400);
  });

  it('sends an edited scheduled post back to review and cancels its queued publications', async () => {
    const post = await approved({ scheduledAt: new Date(Date.now() + HOUR).toISOString() });
    const edited = await ctx.org.people.editor.patch<Post>(`/api/posts/${post.id}`, {
      version: post.version,
      title: '夏季行动成果发布（更正）',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({
      status: 'submitted',
      currentLevel: 1,
      round: 2,
      version: post.version + 1,
    });
    expect((await publications(post.id)).map((r) => r.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    // Signatures of the first round no longer count: the new round starts at 初审 with no steps.
    expect(edited.body.reviewSteps).toEqual([]);
    const history = (await ctx.org.people.editor.get<PostHistory>(`/api/posts/${post.id}/history`)).body;
    expect(history.timeline.map((e) => e.action)).toEqual([
      'create',
      'submit',
      'approve',
      'approve',
      'schedule',
      'returned_to_review',
    ]);
    // The title changed, and the variants generated from it with it.
    expect(history.versions[0]).toMatchObject({
      version: post.version + 1,
      changed: [
        'title',
        `variant:${ctx.org.officeWeibo.id}`,
        `variant:${ctx.org.officeWechat.id}`,
        `variant:${ctx.org.officePortal.id}`,
      ],
    });
  });

  it('refuses to edit or cancel once a worker has claimed a publication', async () => {
    const post = await approved({ scheduledAt: new Date(Date.now() + HOUR).toISOString() });
    const [first] = await publications(post.id);
    await ctx.t.ds.getRepository(PublicationEntity).update(first!.id, { status: 'sending' });
    const edit = await ctx.org.people.editor.patch(`/api/posts/${post.id}`, {
      version: post.version,
      title: '改',
    });
    expect(edit.status).toBe(409);
    expect((await ctx.org.people.editor.post(`/api/posts/${post.id}/cancel`)).status).toBe(409);
    // Nothing was cancelled: the refusal rolled the whole change back.
    expect((await publications(post.id)).filter((r) => r.status === 'queued')).toHaveLength(2);
    const other = (await publications(post.id))[1]!;
    expect((await ctx.org.people.editor.post(`/api/publications/${first!.id}/cancel`)).status).toBe(409);
    expect((await ctx.org.people.editor.post(`/api/publications/${other.id}/cancel`)).status).toBe(204);
  });

  it('moves, sends now and cancels single publications from the calendar, re-checking the gate', async () => {
    const post = await approved({ scheduledAt: new Date(Date.now() + HOUR).toISOString() });
    const [weibo, wechat, portal] = await publications(post.id);
    const later = new Date(Date.now() + 5 * HOUR);
    expect(
      (
        await ctx.org.people.approver.post(`/api/publications/${weibo!.id}/reschedule`, {
          dueAt: later.toISOString(),
        })
      ).status,
    ).toBe(204);
    expect(
      (await ctx.t.ds.getRepository(PublicationEntity).findOneBy({ id: weibo!.id }))!.dueAt!.getTime(),
    ).toBe(later.getTime());
    expect((await ctx.org.people.eastApprover.post(`/api/publications/${wechat!.id}/send-now`)).status).toBe(
      403,
    );
    expect((await ctx.org.people.editor.post(`/api/publications/${wechat!.id}/send-now`)).status).toBe(204);
    expect((await ctx.org.people.editor.post(`/api/publications/${portal!.id}/cancel`)).status).toBe(204);
    await dictionary({ 测试禁词甲: 'block' });
    await ctx.t.ds.query(
      `UPDATE post_variants SET text = '测试禁词甲' WHERE post_id = ? AND account_id = ?`,
      [post.id, weibo!.accountId],
    );
    expect(
      (
        await ctx.org.people.approver.post(`/api/publications/${weibo!.id}/reschedule`, {
          dueAt: later.toISOString(),
        })
      ).status,
    ).toBe(409);
    const history = (await ctx.org.people.editor.get<PostHistory>(`/api/posts/${post.id}/history`)).body;
    expect(history.timeline.slice(-3).map((e) => e.action)).toEqual(['reschedule', 'send_now', 'cancel']);
  });

  it('lets only public posts through and stops blocked ones at submit and approval', async () => {
    const secret = await draft(ctx.org, { classification: 'internal' });
    const refused = await ctx.org.people.editor.post<{ message: string }>(`/api/posts/${secret.id}/submit`, {
      version: 1,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/内部/);

    await dictionary({ 禁用词样例: 'block' });
    const blocked = await draft(ctx.org, { body: '<p>这里有禁用词样例。</p>' });
    const gate = (await ctx.org.people.editor.get<PostGate>(`/api/posts/${blocked.id}/gate`)).body;
    expect(gate.result.blocked).toBe(true);
    expect(gate.result.hits.body!.map((h) => h.text)).toEqual(['禁用词样例']);
    expect(gate.fields).toContainEqual({ name: 'body', label: '正文', text: '这里有禁用词样例。' });
    expect(gate.fields.map((f) => f.label)).toContain('微博「平安示范」正文');
    expect((await ctx.org.people.editor.post(`/api/posts/${blocked.id}/submit`, { version: 1 })).status).toBe(
      409,
    );
  });

  it('asks the reviewer to acknowledge every warning before approving', async () => {
    let post = await draft(ctx.org, { body: '<p>依法严厉打击电信诈骗。</p>' });
    await dictionary({ 严厉打击电信诈骗: 'warn' });
    post = await step(ctx.org.people.editor, post, 'submit');
    const gate = (await ctx.org.people.reviewer.get<PostGate>(`/api/posts/${post.id}/gate`)).body;
    const keys = gate.result.warnings.map((h) => h.key);
    expect(keys.length).toBeGreaterThan(0);
    const bare = await ctx.org.people.reviewer.post(`/api/posts/${post.id}/review`, {
      version: post.version,
      decision: 'approve',
    });
    expect(bare.status).toBe(409);
    post = await step(ctx.org.people.reviewer, post, 'review', {
      decision: 'approve',
      acknowledgedWarnings: keys,
    });
    expect(post.reviewSteps[0]).toMatchObject({ acknowledgedWarnings: keys, levelLabel: '初审' });
  });

  it('returns a rejected post to its author with anchored comments, and takes it again', async () => {
    let post = await step(ctx.org.people.editor, await draft(ctx.org), 'submit');
    post = await step(ctx.org.people.reviewer, post, 'review', {
      decision: 'reject',
      comment: '数据需核实',
      anchors: [{ quote: '新闻发布会', start: 8, end: 13, text: '请写明发布会名称' }],
    });
    expect(post.status).toBe('rejected');
    expect(post.reviewSteps[0]!.anchors[0]).toMatchObject({ quote: '新闻发布会' });
    post = (
      await ctx.org.people.editor.patch<Post>(`/api/posts/${post.id}`, {
        version: post.version,
        body: '<p>改好了</p>',
      })
    ).body;
    expect(post.status).toBe('rejected');
    post = await step(ctx.org.people.editor, post, 'submit');
    expect(post).toMatchObject({ status: 'submitted', round: 2, reviewSteps: [] });
  });

  it('runs three levels (三审三校) with a different person at each, and urgent approval by one approver', async () => {
    const set = await ctx.org.admin.patch<Department>(`/api/departments/${ctx.org.office.id}`, {
      reviewLevels: 3,
    });
    expect(set.body.reviewLevels).toBe(3);
    try {
      let post = await step(ctx.org.people.editor, await draft(ctx.org), 'submit');
      expect(post.reviewLevels).toBe(3);
      post = await step(ctx.org.people.reviewer, post, 'review', { decision: 'approve' });
      const twice = await ctx.org.people.reviewer.post(`/api/posts/${post.id}/review`, {
        version: post.version,
        decision: 'approve',
      });
      expect(twice.status).toBe(403);
      post = await step(ctx.org.people.reviewer2, post, 'review', { decision: 'approve' });
      expect(post).toMatchObject({ status: 'in_review', currentLevel: 3 });
      post = await step(ctx.org.people.approver, post, 'review', { decision: 'approve' });
      expect(post.reviewSteps.map((s) => s.levelLabel)).toEqual(['初审', '复审', '终审']);

      let urgent = await step(ctx.org.people.editor, await draft(ctx.org), 'submit');
      urgent = await step(ctx.org.people.approver, urgent, 'urgent-approve', {
        reason: '突发警情，需立即发布',
      });
      expect(urgent).toMatchObject({
        status: 'approved',
        urgent: true,
        urgentReason: '突发警情，需立即发布',
      });
      expect(urgent.reviewSteps.map((s) => [s.level, s.reviewerName, s.urgent])).toEqual([
        [1, 'approver', true],
        [2, 'approver', true],
        [3, 'approver', true],
      ]);
    } finally {
      await ctx.org.admin.patch(`/api/departments/${ctx.org.office.id}`, { reviewLevels: 2 });
    }
  });

  it('refuses a save made on a stale version', async () => {
    const post = await draft(ctx.org);
    expect(
      (await ctx.org.people.editor.patch(`/api/posts/${post.id}`, { version: 1, title: '甲' })).status,
    ).toBe(200);
    const stale = await ctx.org.people.editor2.patch(`/api/posts/${post.id}`, { version: 1, title: '乙' });
    expect(stale.status).toBe(409);
  });

  it('shows the calendar within scope, filtered by channel, account and department', async () => {
    const at = new Date(Date.now() + 3 * HOUR);
    const post = await approved({ scheduledAt: at.toISOString() });
    const day = new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 10);
    const query = `from=${day}&to=${day}`;
    const events = (await ctx.org.people.leader.get<CalendarEvent[]>(`/api/calendar?${query}`)).body;
    const mine = events.filter((e) => e.postId === post.id);
    expect(mine.map((e) => e.channel).sort()).toEqual(['portal', 'wechat', 'weibo']);
    expect(mine.every((e) => e.movable && e.at === at.toISOString())).toBe(true);
    expect(mine.find((e) => e.channel === 'portal')).toMatchObject({
      columnName: '警务动态',
      departmentName: '宣传处',
    });
    const weiboOnly = (
      await ctx.org.people.editor.get<CalendarEvent[]>(`/api/calendar?${query}&channel=weibo`)
    ).body;
    expect(weiboOnly.filter((e) => e.postId === post.id)).toHaveLength(1);
    const east = (await ctx.org.people.eastEditor.get<CalendarEvent[]>(`/api/calendar?${query}`)).body;
    expect(east.filter((e) => e.postId === post.id)).toEqual([]);
    expect(
      (await ctx.org.people.eastEditor.get(`/api/calendar?${query}&department=${ctx.org.office.id}`)).status,
    ).toBe(403);
    expect((await ctx.org.people.reporter.get(`/api/calendar?${query}`)).status).toBe(403);
  });

  it('stores uploads by content hash, checks their bytes and serves them back', async () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa1bd7d400000000049454e44ae426082',
      'hex',
    );
    const upload = async (bytes: Buffer, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), name);
      const c = ctx.org.people.editor;
      const res = await fetch(`${ctx.t.url}/api/attachments`, {
        method: 'POST',
        body: form,
        headers: { cookie: (c as unknown as { cookie: string }).cookie, 'x-csrf-token': c.csrfToken },
      });
      return {
        status: res.status,
        body: (await res.json()) as { id: number; hash: string; url: string; kind: string },
      };
    };
    const ok = await upload(png, '现场.png');
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ kind: 'image', url: `/api/attachments/${ok.body.id}/content` });
    const again = await upload(png, '另一个名字.png');
    expect(again.body.hash).toBe(ok.body.hash);
    expect((await upload(Buffer.from('<script>alert(1)</script>'), 'x.jpg')).status).toBe(400);
    const served = await ctx.org.people.reviewer.request('GET', ok.body.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect((await ctx.org.people.eastEditor.request('GET', ok.body.url)).status).toBe(403);
  });
});
