import { type Classification, type Role } from '@sunlight/contracts';
import { describe, expect, it } from 'vitest';
import {
  afterApproval,
  afterEdit,
  decide,
  gateVerdict,
  mayView,
  permissionsFor,
  type PostActor,
  type PostFacts,
  statusFromPublications,
} from './post-rules';
import { CompiledDictionary } from '../safety/compiled-dictionary';
import { evaluateGate } from '../safety/safety-gate';

const CITY = '/1/';
const OFFICE = '/1/2/'; // 宣传处
const EAST = '/1/3/'; // 东城分局

function person(userId: number, departmentId: number, ...grants: Array<[Role, string]>): PostActor {
  return {
    userId,
    departmentId,
    grants: grants.map(([role, path]) => ({ role, path, departmentId: 0, departmentName: '' })),
  };
}

const author = person(1, 2, ['editor', CITY]);
const colleague = person(2, 2, ['editor', CITY]);
const eastEditor = person(3, 3, ['editor', EAST]);
const reviewer = person(4, 2, ['reviewer', CITY]);
const reviewer2 = person(5, 2, ['reviewer', OFFICE]);
const approver = person(6, 2, ['approver', CITY]);
const eastApprover = person(7, 3, ['approver', EAST]);
const leader = person(8, 1, ['leader', CITY]);

const post = (over: Partial<PostFacts> = {}): PostFacts => ({
  authorId: 1,
  departmentId: 2,
  departmentPath: OFFICE,
  status: 'draft',
  reviewLevels: 2,
  currentLevel: 0,
  ...over,
});

// The real gate on a two-word dictionary: 严打 blocks, 严厉打击 warns.
const dictionary = CompiledDictionary.compile({
  version: 1,
  unlistedLinkLevel: 'warn',
  entries: [
    { kind: 'sensitive', text: '严打', level: 'block', category: '测试', suggestion: null },
    { kind: 'sensitive', text: '严厉打击', level: 'warn', category: '测试', suggestion: null },
  ],
});
const gate = (text: string, classification: Classification = 'public') =>
  evaluateGate(dictionary, [{ name: 'body', text }], classification);
const clean = gate('依法办案');

describe('who sees a post', () => {
  it('shows drafts to the department’s editors only', () => {
    expect(mayView(author, post())).toBe(true);
    expect(mayView(colleague, post())).toBe(true);
    expect(mayView(eastEditor, post())).toBe(false);
    expect(mayView(reviewer, post())).toBe(false);
    expect(mayView(leader, post({ status: 'submitted' }))).toBe(false);
  });

  it('shows submitted posts to reviewers and approvers over the department', () => {
    expect(mayView(reviewer, post({ status: 'submitted', currentLevel: 1 }))).toBe(true);
    expect(mayView(eastApprover, post({ status: 'submitted', currentLevel: 1 }))).toBe(false);
  });
});

describe('the workflow', () => {
  it('lets the department’s editors edit, submit and withdraw', () => {
    expect(decide('submit', colleague, post()).ok).toBe(true);
    expect(decide('submit', eastEditor, post())).toMatchObject({ ok: false, status: 403 });
    expect(decide('submit', reviewer, post())).toMatchObject({ ok: false, status: 403 });
    expect(decide('withdraw', author, post({ status: 'in_review', currentLevel: 2 })).ok).toBe(true);
  });

  it('answers 409 for a step the status does not allow, whoever asks', () => {
    expect(decide('submit', author, post({ status: 'submitted' }))).toMatchObject({ status: 409 });
    expect(decide('review', reviewer, post())).toMatchObject({ status: 409 });
    expect(decide('send_now', approver, post({ status: 'approved' }))).toMatchObject({ status: 409 });
  });

  it('routes level 1 to a reviewer and the last level to an approver', () => {
    const first = post({ status: 'submitted', currentLevel: 1 });
    expect(decide('review', reviewer, first).ok).toBe(true);
    expect(decide('review', approver, first)).toMatchObject({ status: 403 });
    const final = post({ status: 'in_review', currentLevel: 2 });
    expect(decide('review', approver, final).ok).toBe(true);
    expect(decide('review', reviewer, final)).toMatchObject({ status: 403 });
    expect(decide('review', eastApprover, final)).toMatchObject({ status: 403 });
  });

  it('never lets anyone review their own post', () => {
    const own = person(1, 2, ['editor', CITY], ['reviewer', CITY]);
    const verdict = decide('review', own, post({ status: 'submitted', currentLevel: 1 }));
    expect(verdict).toMatchObject({ ok: false, status: 403, zh: '不能审核自己撰写的稿件' });
    const ownApprover = person(1, 2, ['editor', CITY], ['approver', CITY]);
    expect(
      decide('urgent_approve', ownApprover, post({ status: 'submitted', currentLevel: 1 })),
    ).toMatchObject({ status: 403 });
  });

  it('lets nobody sign two levels of the same post (三审三校)', () => {
    const middle = post({ status: 'in_review', reviewLevels: 3, currentLevel: 2 });
    const signed = [{ level: 1, reviewerId: reviewer.userId }];
    expect(decide('review', reviewer, middle, signed)).toMatchObject({ status: 403 });
    expect(decide('review', reviewer2, middle, signed).ok).toBe(true);
    expect(afterApproval(middle)).toEqual({ status: 'in_review', currentLevel: 3 });
    expect(afterApproval({ currentLevel: 3, reviewLevels: 3 })).toEqual({
      status: 'approved',
      currentLevel: 0,
    });
  });

  it('lets an approver approve an urgent post at both levels', () => {
    expect(decide('urgent_approve', approver, post({ status: 'submitted', currentLevel: 1 })).ok).toBe(true);
    expect(decide('urgent_approve', reviewer, post({ status: 'submitted', currentLevel: 1 }))).toMatchObject({
      status: 403,
    });
  });

  it('lets editors of the department and approvers schedule, cancel and send now', () => {
    const scheduled = post({ status: 'scheduled' });
    for (const who of [author, colleague, approver]) expect(decide('cancel', who, scheduled).ok).toBe(true);
    for (const who of [eastEditor, reviewer, leader, eastApprover])
      expect(decide('send_now', who, scheduled)).toMatchObject({ status: 403 });
  });

  it('offers the caller exactly the buttons the server would accept', () => {
    expect(permissionsFor(reviewer, post({ status: 'submitted', currentLevel: 1 }), [])).toEqual({
      edit: false,
      submit: false,
      withdraw: false,
      review: true,
      urgentApprove: false,
      schedule: false,
      cancel: false,
      sendNow: false,
    });
  });

  it('sends an edited approved or scheduled post back to review', () => {
    expect(afterEdit('scheduled', true)).toBe('submitted');
    expect(afterEdit('approved', false)).toBe('draft');
    expect(afterEdit('cancelled', true)).toBe('draft');
    expect(afterEdit('rejected', true)).toBe('rejected');
  });
});

describe('the content-safety gate in the workflow', () => {
  const warned = gate('依法严厉打击电信诈骗');

  it('lets only public posts through', () => {
    expect(gateVerdict('submit', gate('依法办案', 'internal'))).toMatchObject({ ok: false, status: 409 });
    expect(gateVerdict('schedule', gate('依法办案', 'secret'))).toMatchObject({ ok: false });
    expect(gateVerdict('submit', clean).ok).toBe(true);
  });

  it('stops blocked posts and asks for every warning to be acknowledged', () => {
    const verdict = gateVerdict('submit', gate('开展严打行动'));
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.zh).toContain('严打');
    expect(gateVerdict('submit', warned).ok).toBe(true);
    expect(gateVerdict('approve', warned)).toMatchObject({ ok: false, status: 409 });
    expect(
      gateVerdict(
        'approve',
        warned,
        warned.warnings.map((w) => w.key),
      ).ok,
    ).toBe(true);
  });
});

describe('a post’s status from its publications', () => {
  it('follows the dispatcher', () => {
    expect(statusFromPublications(['queued', 'published'])).toBe('scheduled');
    expect(statusFromPublications(['published', 'published', 'cancelled'])).toBe('published');
    expect(statusFromPublications(['published', 'failed'])).toBe('partly_failed');
    expect(statusFromPublications(['cancelled'])).toBe('cancelled');
  });
});
