import {
  type DictionaryEntry,
  type DictionaryImportReport,
  type DictionarySummary,
  type GateResult,
  type Page,
} from '@sunlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictionaryRecheckMs } from '../../src/modules/safety/dictionary-cache';
import { type ApiClient } from '../support/api-client';
import { testEngines } from '../support/engines';
import { startTestApp, type TestApp } from '../support/test-app';
import { ONBOARDED_PASSWORD } from '../support/users';
import { startSecondInstance } from './second-instance';
import { userWith } from './safety-users';

const DICT = '/api/safety/dictionary';

describe.each(testEngines())('the safety dictionaries on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let editor: ApiClient;

  const summary = async () => (await admin.get<DictionarySummary>(`${DICT}/summary`)).body;
  const flags = async (c: ApiClient, text: string) =>
    (await c.post<GateResult>('/api/safety/check', { fields: [{ name: 'body', text }] })).body.hits.body!.map(
      (h) => h.term,
    );
  const audited = async (action: string) =>
    (
      await t.ds.query<Array<{ detail: string; username: string }>>(
        'SELECT detail, username FROM audit_log WHERE action = ? ORDER BY id',
        [action],
      )
    ).map((r) => `${r.username} ${r.detail}`);

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as('admin');
    editor = await userWith(t, admin, 'dict_editor', 'editor');
  });
  afterAll(() => t?.close());

  it('adds, finds, changes and removes entries, each change audited', async () => {
    const created = await admin.post<DictionaryEntry>(DICT, {
      kind: 'sensitive',
      text: ' 测试专用词 ',
      level: 'warn',
      category: '测试',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      text: '测试专用词',
      level: 'warn',
      createdBy: 'admin',
      suggestion: null,
    });
    expect(await flags(editor, '这是测试专用词')).toEqual(['测试专用词']);

    const page = await admin.get<Page<DictionaryEntry>>(`${DICT}?kind=sensitive&q=专用`);
    expect(page.body.items.map((e) => e.text)).toEqual(['测试专用词']);

    const changed = await admin.patch<DictionaryEntry>(`${DICT}/${created.body.id}`, { level: 'block' });
    expect(changed.body.level).toBe('block');
    const gate = await editor.post<GateResult>('/api/safety/check', {
      fields: [{ name: 'b', text: '测试专用词' }],
    });
    expect(gate.body.blocked).toBe(true);

    expect((await admin.delete(`${DICT}/${created.body.id}`)).status).toBe(204);
    expect((await admin.delete(`${DICT}/${created.body.id}`)).status).toBe(404);
    expect(await flags(editor, '这是测试专用词')).toEqual([]);

    expect(await audited('safety.entry_create')).toEqual(['admin 敏感词「测试专用词」（提示，测试）']);
    expect(await audited('safety.entry_update')).toEqual(['admin 敏感词「测试专用词」：级别 提示 → 禁止']);
    expect(await audited('safety.entry_delete')).toEqual(['admin 敏感词「测试专用词」']);
  });

  it('refuses entries that break the rules or repeat one already there, in any case or width', async () => {
    const bad = await admin.post<{ code: string; message: string }>(DICT, {
      kind: 'wording',
      text: '再接再励',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/正确写法不能为空/);
    expect((await admin.post(DICT, { kind: 'domain', text: 'gov.cn@evil.com' })).status).toBe(400);
    expect((await admin.post(DICT, { kind: 'sensitive', text: 'VPN', level: 'warn' })).status).toBe(201);
    const again = await admin.post<{ message: string }>(DICT, {
      kind: 'sensitive',
      text: 'ｖｐｎ',
      level: 'block',
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/已有敏感词「VPN」/);
    // The same text may stand in another dictionary.
    expect(
      (await admin.post(DICT, { kind: 'wording', text: 'VPN', suggestion: '虚拟专用网络', category: '术语' }))
        .status,
    ).toBe(201);
  });

  it('lets only the admin see or change the dictionaries', async () => {
    for (const c of [editor, await userWith(t, admin, 'dict_auditor', 'auditor')]) {
      expect((await c.get(`${DICT}?kind=sensitive`)).status).toBe(403);
      expect((await c.post(DICT, { kind: 'sensitive', text: '越权', level: 'block' })).status).toBe(403);
      expect((await c.post(`${DICT}/import`, { kind: 'sensitive', text: '越权\t禁止' })).status).toBe(403);
      expect((await c.get(`${DICT}/export?kind=sensitive`)).status).toBe(403);
      expect((await c.patch(`${DICT}/settings`, { unlistedLinkLevel: 'warn' })).status).toBe(403);
    }
    expect((await summary()).unlistedLinkLevel).toBe('block');
  });

  it('exports as text and imports it back, reporting every line', async () => {
    const exported = await admin.get<string>(`${DICT}/export?kind=wording`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    expect(exported.body).toContain('按步就班\t按部就班\t成语错写\t提示');
    const before = await summary();

    // The same file back changes nothing.
    const same = await admin.post<DictionaryImportReport>(`${DICT}/import`, {
      kind: 'wording',
      text: exported.body,
    });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ added: 0, updated: 0, rejected: 0, skipped: before.counts.wording });
    expect((await summary()).version).toBe(before.version);

    const edited = [
      '# 我们的补充',
      '按步就班\t按部就班\t成语错写\t禁止',
      '奋发图强错\t奋发图强\t测试',
      '缺正确写法',
      '奋发图强错\t奋发图强\t测试',
      '',
      '一二\t三四\t分类\t严重',
    ].join('\n');
    const dry = await admin.post<DictionaryImportReport>(`${DICT}/import`, {
      kind: 'wording',
      text: edited,
      dryRun: true,
    });
    expect(dry.body).toMatchObject({ dryRun: true, added: 1, updated: 1, version: before.version });
    expect((await summary()).counts.wording).toBe(before.counts.wording);

    const report = await admin.postRaw<DictionaryImportReport>(
      `${DICT}/import?kind=wording`,
      edited,
      'text/plain; charset=utf-8',
    );
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.lines.map((l) => [l.line, l.outcome, l.reason])).toEqual([
      [2, 'updated', '级别 提示 → 禁止'],
      [3, 'added', null],
      [4, 'rejected', '缺少正确写法'],
      [5, 'skipped', '与第 3 行重复'],
      [7, 'rejected', '无法识别的级别「严重」，应为“禁止”或“提示”'],
    ]);
    expect(report.body).toMatchObject({ added: 1, updated: 1, skipped: 1, rejected: 2 });
    const after = await summary();
    expect(after.counts.wording).toBe(before.counts.wording + 1);
    expect(after.version).toBeGreaterThan(before.version);

    const again = (await admin.get<string>(`${DICT}/export?kind=wording`)).body;
    expect(again).toContain('按步就班\t按部就班\t成语错写\t禁止');
    expect(again).toContain('奋发图强错\t奋发图强\t测试\t提示');
    expect(await audited('safety.import')).toEqual([
      'admin 表述错误：新增 0，更新 0，跳过 ' + String(before.counts.wording) + '，错误 0',
      'admin 表述错误：新增 1，更新 1，跳过 1，错误 2',
    ]);
    expect((await audited('safety.export')).length).toBe(2);
  });

  it('stores nothing from a file in which no line can be read', async () => {
    const before = await summary();
    const res = await admin.post<{
      code: string;
      message: string;
      issues: { path: string; message: string }[];
    }>(`${DICT}/import`, { kind: 'sensitive', text: '甲\t严重\n乙\t禁止\t分类\t多余\n' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.issues.map((i) => i.path)).toEqual(['lines.1', 'lines.2']);
    expect(res.body.issues[0]!.message).toMatch(/^第 1 行：无法识别的级别/);
    expect(await summary()).toEqual(before);
  });

  it('is noticed by a second server on the same database through the version', async () => {
    const other = await startSecondInstance(t);
    try {
      const remote = other.client();
      expect((await remote.login('dict_editor', ONBOARDED_PASSWORD)).status).toBe(200);
      expect(await flags(remote, '出现新词甲乙丙')).toEqual([]);
      const added = await admin.post(DICT, { kind: 'sensitive', text: '新词甲乙丙', level: 'block' });
      expect(added.status).toBe(201);
      // Within the recheck interval the other server answers from its compiled automaton alone…
      expect(await flags(remote, '出现新词甲乙丙')).toEqual([]);
      // …and once it has passed, one read of the version row tells it to rebuild.
      other.clock.advance(dictionaryRecheckMs);
      expect(await flags(remote, '出现新词甲乙丙')).toEqual(['新词甲乙丙']);
    } finally {
      await other.close();
    }
  });
});
