import { type Post } from '@sunlight/contracts';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '@/testing/mount-view';
import { useComposerStore } from './composer';

const post = (version: number, over: Partial<Post> = {}): Post => ({
  id: 7,
  title: '标题',
  status: 'draft',
  kind: 'original',
  classification: 'public',
  departmentId: 2,
  departmentName: '宣传处',
  authorId: 1,
  authorName: '王小宣',
  channels: [],
  targetCount: 0,
  urgent: false,
  reviewLevels: 2,
  currentLevel: 0,
  scheduledAt: null,
  version,
  createdAt: '2026-11-23T00:00:00.000Z',
  updatedAt: `2026-11-23T00:00:0${version}.000Z`,
  body: '',
  forwardOf: null,
  tags: [],
  urgentReason: null,
  round: 0,
  variants: [],
  attachments: [],
  reviewSteps: [],
  publications: [],
  permissions: {
    edit: true,
    submit: true,
    withdraw: false,
    review: false,
    urgentApprove: false,
    schedule: false,
    cancel: false,
    sendNow: false,
  },
  ...over,
});

describe('the composer’s autosave', () => {
  let calls: Array<{ method: string; url: string; body: Record<string, unknown> }>;

  beforeEach(() => {
    vi.useFakeTimers();
    setActivePinia(createPinia());
    calls = [];
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  function answer(respond: (call: (typeof calls)[number]) => Response) {
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      const call = {
        method: init.method ?? 'GET',
        url,
        body: JSON.parse(typeof init.body === 'string' ? init.body : '{}') as Record<string, unknown>,
      };
      calls.push(call);
      return Promise.resolve(respond(call));
    });
  }

  it('creates the post on the first pause, then saves each later change with the version it read', async () => {
    let version = 0;
    answer(() => jsonResponse(version === 0 ? 201 : 200, post(++version)));
    const store = useComposerStore();
    store.change({ title: '夏季行动' });
    store.change({ body: '<p>正文</p>' });
    expect(store.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(1500);
    expect(calls).toEqual([
      { method: 'POST', url: '/api/posts', body: { title: '夏季行动', body: '<p>正文</p>' } },
    ]);
    store.change({ title: '夏季行动成果' });
    store.changeVariant(3, { text: '微博' });
    await vi.advanceTimersByTimeAsync(1500);
    expect(calls.slice(1)).toEqual([
      { method: 'PATCH', url: '/api/posts/7', body: { title: '夏季行动成果', version: 1 } },
      { method: 'PATCH', url: '/api/posts/7/variants/3', body: { text: '微博', version: 2 } },
    ]);
    expect(store.state).toBe('saved');
    expect(store.post?.version).toBe(3);
  });

  it('stops saving after a conflict until the post is reloaded', async () => {
    answer(() =>
      jsonResponse(409, { code: 'CONFLICT', message: '稿件已被他人修改，请刷新后再试', messageEn: 'stale' }),
    );
    const store = useComposerStore();
    store.post = post(4);
    store.change({ title: '改' });
    await vi.advanceTimersByTimeAsync(1500);
    expect(store.state).toBe('conflict');
    expect(store.message).toBe('稿件已被他人修改，请刷新后再试');
    store.change({ title: '再改' });
    await vi.advanceTimersByTimeAsync(1500);
    expect(calls).toHaveLength(1);
  });
});
