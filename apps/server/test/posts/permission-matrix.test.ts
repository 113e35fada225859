import { type Post } from '@sunlight/contracts';
import { describe, expect, it } from 'vitest';
import { type ApiClient, type ApiResponse } from '../support/api-client';
import { testEngines } from '../support/engines';
import {
  draft,
  type PersonKey,
  personKeys,
  type PublishingOrg,
  step,
  usePublishingApp,
} from './support/publishing-org';

/** The states a transition starts from, each reached by the office's own people. */
type State = 'draft' | 'submitted' | 'in_review' | 'approved' | 'scheduled';

interface Transition {
  from: State | null;
  /** Who may, among every role of the office (own department) and of 东城分局 (other department). */
  allowed: readonly PersonKey[];
  call: (c: ApiClient, post: Post | null, org: PublishingOrg) => Promise<ApiResponse>;
}

const soon = () => new Date(Date.now() + 3600_000).toISOString();
const act =
  (path: string, body: object = {}) =>
  (c: ApiClient, post: Post | null) =>
    c.post(`/api/posts/${post!.id}/${path}`, { version: post!.version, ...body });

const transitions: Record<string, Transition> = {
  create: {
    from: null,
    allowed: ['editor', 'editor2', 'eastEditor'],
    call: (c) => c.post('/api/posts', { title: '新稿' }),
  },
  view: {
    from: 'submitted',
    allowed: ['editor', 'editor2', 'reviewer', 'reviewer2', 'approver'],
    call: (c, post) => c.get(`/api/posts/${post!.id}`),
  },
  edit: {
    from: 'draft',
    allowed: ['editor', 'editor2'],
    call: (c, post) => c.patch(`/api/posts/${post!.id}`, { version: post!.version, title: '改过的标题' }),
  },
  submit: { from: 'draft', allowed: ['editor', 'editor2'], call: act('submit') },
  withdraw: { from: 'submitted', allowed: ['editor', 'editor2'], call: act('withdraw') },
  approveFirst: {
    from: 'submitted',
    allowed: ['reviewer', 'reviewer2'],
    call: act('review', { decision: 'approve' }),
  },
  rejectFirst: {
    from: 'submitted',
    allowed: ['reviewer', 'reviewer2'],
    call: act('review', { decision: 'reject', comment: '请核实数据' }),
  },
  approveFinal: { from: 'in_review', allowed: ['approver'], call: act('review', { decision: 'approve' }) },
  urgentApprove: {
    from: 'submitted',
    allowed: ['approver'],
    call: act('urgent-approve', { reason: '突发警情通报' }),
  },
  schedule: {
    from: 'approved',
    allowed: ['editor', 'editor2', 'approver'],
    call: (c, p) => act('schedule', { at: soon() })(c, p),
  },
  cancel: { from: 'scheduled', allowed: ['editor', 'editor2', 'approver'], call: act('cancel') },
  sendNow: { from: 'scheduled', allowed: ['editor', 'editor2', 'approver'], call: act('send-now') },
};

describe.each(testEngines())('the publishing workflow’s permission matrix on %s', (engine) => {
  const ctx = usePublishingApp(engine);

  /** A fresh post of the office editor in the given state. */
  async function postIn(state: State): Promise<Post> {
    const { editor, reviewer, approver } = ctx.org.people;
    let post = await draft(ctx.org);
    if (state === 'draft') return post;
    post = await step(editor, post, 'submit');
    if (state === 'submitted') return post;
    post = await step(reviewer, post, 'review', { decision: 'approve' });
    if (state === 'in_review') return post;
    post = await step(approver, post, 'review', { decision: 'approve' });
    if (state === 'approved') return post;
    return step(editor, post, 'schedule', { at: soon() });
  }

  for (const [name, tr] of Object.entries(transitions))
    it(`${name}: allowed for ${tr.allowed.join(', ')}; 403 for everyone else`, async () => {
      const outcome: Record<string, number> = {};
      // One post serves every refusal (a refusal changes nothing); each permitted call gets its own.
      const shared = tr.from ? await postIn(tr.from) : null;
      for (const who of personKeys) {
        const allowed = tr.allowed.includes(who);
        const post = allowed && tr.from ? await postIn(tr.from) : shared;
        const res = await tr.call(ctx.org.people[who], post, ctx.org);
        outcome[who] = res.status;
      }
      const expected = Object.fromEntries(
        personKeys.map((who) => [who, tr.allowed.includes(who) ? (name === 'create' ? 201 : 200) : 403]),
      );
      expect(outcome).toEqual(expected);
    });

  it('answers 409, not 403, when the right person asks at the wrong time', async () => {
    const post = await postIn('draft');
    const res = await ctx.org.people.reviewer.post(`/api/posts/${post.id}/review`, {
      version: post.version,
      decision: 'approve',
    });
    // A draft is not visible to reviewers at all: 403 before any state question.
    expect(res.status).toBe(403);
    const submitted = await postIn('submitted');
    expect(
      (await ctx.org.people.editor.post(`/api/posts/${submitted.id}/submit`, { version: 1 })).status,
    ).toBe(409);
    expect((await ctx.org.people.approver.post(`/api/posts/${submitted.id}/send-now`, {})).status).toBe(409);
  });

  it('shows each reviewer exactly the posts that wait for them, oldest first', async () => {
    const first = await postIn('submitted');
    const second = await postIn('submitted');
    const final = await postIn('in_review');
    const queue = async (c: ApiClient) =>
      (await c.get<Array<{ post: Post; levelLabel: string; waitingSeconds: number }>>('/api/review-queue'))
        .body;
    const forReviewer = (await queue(ctx.org.people.reviewer)).map((i) => i.post.id);
    expect(forReviewer.indexOf(first.id)).toBeLessThan(forReviewer.indexOf(second.id));
    expect(forReviewer).not.toContain(final.id);
    const forApprover = await queue(ctx.org.people.approver);
    expect(forApprover.map((i) => i.post.id)).toContain(final.id);
    expect(forApprover.find((i) => i.post.id === final.id)).toMatchObject({ levelLabel: '终审' });
    expect(forApprover.map((i) => i.post.id)).not.toContain(first.id);
    expect(await queue(ctx.org.people.eastReviewer)).toEqual([]);
    expect((await ctx.org.people.editor.get('/api/review-queue')).status).toBe(403);
  });

  it('keeps drafts within the department: lists never show another department’s drafts', async () => {
    const mine = await postIn('draft');
    const east = await draft(
      ctx.org,
      { targets: [{ accountId: ctx.org.eastWeibo.id }] },
      ctx.org.people.eastEditor,
    );
    const list = async (c: ApiClient) =>
      (await c.get<{ items: Post[] }>('/api/posts?pageSize=200')).body.items.map((p) => p.id);
    expect(await list(ctx.org.people.editor2)).toContain(mine.id);
    expect(await list(ctx.org.people.editor2)).not.toContain(east.id);
    expect(await list(ctx.org.people.eastEditor)).not.toContain(mine.id);
    expect(await list(ctx.org.people.reviewer)).not.toContain(mine.id);
    // An editor cannot target another department's account either.
    const foreign = await ctx.org.people.eastEditor.post('/api/posts', {
      targets: [{ accountId: ctx.org.officeWeibo.id }],
    });
    expect(foreign.status).toBe(403);
  });
});
