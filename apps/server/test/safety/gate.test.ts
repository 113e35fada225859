import { type DictionarySummary, type GateResult, type SafetyCheckRequest } from '@sunlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient } from '../support/api-client';
import { testEngines } from '../support/engines';
import { startTestApp, type TestApp } from '../support/test-app';
import { userWith } from './safety-users';

describe.each(testEngines())('the content-safety gate on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let editor: ApiClient;
  const check = (body: SafetyCheckRequest, as = editor) => as.post<GateResult>('/api/safety/check', body);

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as('admin');
    editor = await userWith(t, admin, 'gate_editor', 'editor');
  });
  afterAll(() => t?.close());

  it('starts with the default dictionaries of config/dictionaries', async () => {
    const summary = await admin.get<DictionarySummary>('/api/safety/dictionary/summary');
    expect(summary.status).toBe(200);
    expect(summary.body.counts.sensitive).toBeGreaterThan(50);
    expect(summary.body.counts.wording).toBeGreaterThan(50);
    expect(summary.body.counts.domain).toBeGreaterThan(2);
    expect(summary.body.unlistedLinkLevel).toBe('block');
  });

  it('blocks a blocking word, with its position in the field', async () => {
    const res = await check({ fields: [{ name: 'body', text: '附件为内部资料，请勿外传。' }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ passed: false, blocked: true, classificationBlocked: false });
    expect(res.body.hits.body!.map((h) => [h.term, h.start, h.end, h.level, h.category])).toEqual([
      ['内部资料', 3, 7, 'block', '涉密标识'],
      ['请勿外传', 8, 12, 'block', '涉密标识'],
    ]);
  });

  it('lists the warnings a reviewer must acknowledge, on the title, digest, variants and alt texts', async () => {
    const res = await check({
      fields: [
        { name: 'title', text: '网传某地发生事件？官方辟谣' },
        { name: 'digest', text: '号称全网最低的说法不实' },
        { name: 'variant:12:text', text: '据悉，相关部门已介入' },
        { name: 'alt:1', text: '现场照片' },
      ],
    });
    expect(res.body).toMatchObject({ passed: false, blocked: false, counts: { block: 0, warn: 3 } });
    expect(res.body.warnings.map((w) => [w.field, w.term])).toEqual([
      ['title', '网传'],
      ['digest', '全网最低'],
      ['variant:12:text', '据悉'],
    ]);
    expect(new Set(res.body.warnings.map((w) => w.key)).size).toBe(3);
    expect(res.body.hits['alt:1']).toEqual([]);
  });

  it('suggests the right form of a wording error', async () => {
    const res = await check({ fields: [{ name: 'reply', text: '感谢支持，我们将再接再励。' }] });
    expect(res.body.warnings).toMatchObject([
      { kind: 'wording', text: '再接再励', suggestion: '再接再厉', start: 8, end: 12 },
    ]);
  });

  it('blocks anything not 公开, even a clean text', async () => {
    for (const classification of ['internal', 'secret'] as const) {
      const res = await check({ classification, fields: [{ name: 'title', text: '市公安局召开会议' }] });
      expect(res.body).toMatchObject({ blocked: true, classificationBlocked: true, counts: { block: 0 } });
    }
    const clean = await check({ fields: [{ name: 'title', text: '市公安局召开会议' }] });
    expect(clean.body).toMatchObject({ passed: true, blocked: false, classification: 'public' });
  });

  it('blocks a link outside the allow-list, in text and HTML, and warns once the admin lowers the level', async () => {
    const field = {
      name: 'body',
      text: '详见 https://www.sz.gov.cn/zwgk 或 http://evilgov.cn/a',
      html: '<p>详见 <a href="https://www.sz.gov.cn/zwgk">网站</a> <a href="https://evil.example.com">这里</a></p>',
    };
    const blocked = await check({ fields: [field] });
    expect(blocked.body.blocked).toBe(true);
    expect(blocked.body.hits.body!.map((h) => [h.source, h.term, h.category, h.level])).toEqual([
      ['text', 'evilgov.cn', '非法外链', 'block'],
      ['html', 'evil.example.com', '非法外链', 'block'],
    ]);
    const lowered = await admin.patch('/api/safety/dictionary/settings', { unlistedLinkLevel: 'warn' });
    expect(lowered.status).toBe(200);
    const warned = await check({ fields: [field] });
    expect(warned.body).toMatchObject({ blocked: false, counts: { block: 0, warn: 2 } });
    await admin.patch('/api/safety/dictionary/settings', { unlistedLinkLevel: 'block' });
  });

  it('answers those who write and review content, and the admin, but no one else', async () => {
    const body = { fields: [{ name: 'title', text: '标题' }] };
    expect((await check(body, admin)).status).toBe(200);
    for (const role of ['reviewer', 'approver'] as const)
      expect((await check(body, await userWith(t, admin, `gate_${role}`, role))).status).toBe(200);
    for (const role of ['leader', 'reporter', 'auditor'] as const)
      expect((await check(body, await userWith(t, admin, `gate_${role}`, role))).status).toBe(403);
    expect((await t.client().post('/api/safety/check', body)).status).toBe(401);
  });

  it('refuses a malformed request with a clear 400', async () => {
    const res = await editor.post<{ code: string }>('/api/safety/check', {
      fields: [
        { name: 'a', text: 'x' },
        { name: 'a', text: 'y' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect((await editor.post('/api/safety/check', { fields: [] })).status).toBe(400);
  });
});
