import type { HistoryImport } from '@sunlight/contracts';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { account, historyImport } from '@/testing/accounts';
import { jsonResponse, mountView } from '@/testing/mount-view';
import { importPollMs } from './import-progress';
import ImportProgressDialog from './import-progress-dialog.vue';

interface Reply {
  status: number;
  body: unknown;
}

const state = (latest: HistoryImport | null): Reply => ({ status: 200, body: { latest } });
const conflict = (message: string): Reply => ({
  status: 409,
  body: { code: 'CONFLICT', message, messageEn: 'Conflict' },
});

/** Answers POST …/import with `post` and each GET with the next of `gets` (the last one repeats). */
function stubApi(post: Reply, gets: Reply[]) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      calls.push(`${method} ${url}`);
      const reply = method === 'POST' ? post : gets.length > 1 ? gets.shift()! : gets[0]!;
      return Promise.resolve(jsonResponse(reply.status, reply.body));
    }),
  );
  return calls;
}

const gets = (calls: string[]) => calls.filter((c) => c === 'GET /api/accounts/5/import').length;
const text = (testid: string) => document.querySelector(`[data-testid="${testid}"]`)?.textContent ?? '';

async function openDialog(mode: 'start' | 'follow') {
  const { wrapper } = await mountView(ImportProgressDialog, '/channels', {
    props: { open: false, account: account({ id: 5, name: '平安东城' }), mode },
  });
  await wrapper.setProps({ open: true });
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  // Only the poll's timer: flushPromises waits on setImmediate.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('history import dialog', () => {
  it('starts the import, reads it every 2 s while it runs and stops once it is done', async () => {
    const calls = stubApi({ status: 202, body: historyImport({ accountId: 5, pages: 1 }) }, [
      state(historyImport({ accountId: 5, pages: 3, publicationsRead: 60 })),
      state(
        historyImport({
          accountId: 5,
          status: 'done',
          streamsDone: 2,
          pages: 4,
          stored: { original: 40, forward: 15, unclassified: 3, interactions: 9 },
          finishedAt: '2026-03-01T02:05:00.000Z',
        }),
      ),
    ]);
    const wrapper = await openDialog('start');
    expect(calls).toEqual(['POST /api/accounts/5/import']);
    expect(text('import-read')).toContain('已读取 1 页、20 条信息');
    expect(text('import-status')).toContain('导入中');

    await vi.advanceTimersByTimeAsync(importPollMs - 1);
    expect(gets(calls)).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(gets(calls)).toBe(1);
    expect(text('import-read')).toContain('已读取 3 页、60 条信息');

    await vi.advanceTimersByTimeAsync(importPollMs);
    expect(gets(calls)).toBe(2);
    expect(text('import-done')).toContain('导入完成');
    expect(text('import-count-original')).toContain('40');
    expect(text('import-count-forward')).toContain('15');
    expect(text('import-count-unclassified')).toContain('3');
    expect(wrapper.emitted('finished')).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(importPollMs * 5);
    expect(gets(calls)).toBe(2);
  });

  it('stops polling when the dialog is closed', async () => {
    const calls = stubApi({ status: 202, body: historyImport({ accountId: 5 }) }, [
      state(historyImport({ accountId: 5 })),
    ]);
    const wrapper = await openDialog('start');
    await vi.advanceTimersByTimeAsync(importPollMs);
    expect(gets(calls)).toBe(1);
    await wrapper.setProps({ open: false });
    await vi.advanceTimersByTimeAsync(importPollMs * 5);
    expect(gets(calls)).toBe(1);
  });

  it('stops polling when the page goes away', async () => {
    const calls = stubApi({ status: 202, body: historyImport({}) }, [state(historyImport({ accountId: 5 }))]);
    const wrapper = await openDialog('follow');
    expect(gets(calls)).toBe(1);
    wrapper.unmount();
    await vi.advanceTimersByTimeAsync(importPollMs * 5);
    expect(gets(calls)).toBe(1);
  });

  it('on a 409 says an import is already running and follows that one', async () => {
    const calls = stubApi(conflict('该账号的历史导入正在进行，请等待完成'), [
      state(historyImport({ accountId: 5, pages: 7, requestedBy: 'demo_admin' })),
    ]);
    await openDialog('start');
    expect(text('import-already-running')).toContain('已有导入正在进行');
    expect(text('import-read')).toContain('已读取 7 页');
    await vi.advanceTimersByTimeAsync(importPollMs);
    expect(gets(calls)).toBe(2);
  });

  it('on a 409 without a running import shows the server’s reason and does not poll', async () => {
    const calls = stubApi(conflict('账号已停用，不能导入历史'), [
      state(historyImport({ accountId: 5, status: 'done' })),
    ]);
    await openDialog('start');
    expect(text('import-error')).toContain('账号已停用，不能导入历史');
    await vi.advanceTimersByTimeAsync(importPollMs * 3);
    expect(gets(calls)).toBe(1);
  });

  it('shows why an import failed', async () => {
    stubApi({ status: 202, body: null }, [
      state(historyImport({ accountId: 5, status: 'failed', lastError: '令牌已失效（21332）' })),
    ]);
    await openDialog('follow');
    expect(text('import-status')).toContain('导入失败');
    expect(text('import-failed')).toContain('令牌已失效（21332）');
  });

  it('tells a reader when the account has never been imported', async () => {
    stubApi({ status: 202, body: null }, [state(null)]);
    await openDialog('follow');
    expect(text('import-none')).toContain('该账号尚未导入历史');
  });
});
