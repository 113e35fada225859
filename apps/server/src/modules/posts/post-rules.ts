// Who may do what with a post, and where each step leads: the workflow as plain functions, so the permission
// matrix is tested without a database and the service, the API's `permissions` and the UI agree.
import {
  classificationLabels,
  type PostPermissions,
  type PostStatus,
  postStatusLabels,
  type PublicationStatus,
  reviewLevelLabel,
  reviewLevelRole,
  roleLabels,
  type GateResult,
  unacknowledgedWarnings,
} from '@sunlight/contracts';
import { type Actor, coversPath } from '../../common/actor';

export type PostActor = Pick<Actor, 'userId' | 'departmentId' | 'grants'>;

export interface PostFacts {
  authorId: number;
  departmentId: number;
  /** Materialised path of the post's department. */
  departmentPath: string;
  status: PostStatus;
  reviewLevels: number;
  /** The level awaited while submitted or in review. */
  currentLevel: number;
}

/** An approval of the current review round. */
export interface Signature {
  level: number;
  reviewerId: number;
}

export const workflowActions = [
  'edit',
  'submit',
  'withdraw',
  'review',
  'urgent_approve',
  'schedule',
  'cancel',
  'send_now',
] as const;
export type WorkflowAction = (typeof workflowActions)[number];

const actionLabels: Record<WorkflowAction, string> = {
  edit: '修改',
  submit: '提交审核',
  withdraw: '撤回',
  review: '审核',
  urgent_approve: '紧急审批',
  schedule: '排期',
  cancel: '撤销发布',
  send_now: '立即发送',
};

/** The states each action starts from; anything else is a 409, whoever asks. */
const startsFrom: Record<WorkflowAction, readonly PostStatus[]> = {
  // Editing an approved or scheduled post is allowed: it goes back to review (see afterEdit).
  edit: ['draft', 'rejected', 'cancelled', 'approved', 'scheduled'],
  submit: ['draft', 'rejected'],
  withdraw: ['submitted', 'in_review'],
  review: ['submitted', 'in_review'],
  urgent_approve: ['submitted', 'in_review'],
  schedule: ['approved', 'scheduled'],
  cancel: ['approved', 'scheduled'],
  send_now: ['scheduled'],
};

export type Verdict = { ok: true } | { ok: false; status: 403 | 409; zh: string; en: string };

const OK: Verdict = { ok: true };
const refuse = (status: 403 | 409, zh: string, en: string): Verdict => ({ ok: false, status, zh, en });

/** An editor of the post's own department (本部门信息员): they share its drafts. */
export function isDepartmentEditor(actor: PostActor, post: PostFacts): boolean {
  return actor.departmentId === post.departmentId && coversPath(actor, post.departmentPath, ['editor']);
}

/**
 * Editors see their own department's posts, drafts included, never another department's; reviewers and
 * approvers see what has been submitted within their scope; an author always sees their own.
 */
export function mayView(actor: PostActor, post: PostFacts): boolean {
  if (actor.userId === post.authorId || isDepartmentEditor(actor, post)) return true;
  return post.status !== 'draft' && coversPath(actor, post.departmentPath, ['reviewer', 'approver']);
}

/** Whether `actor` may take `action` on the post now; the 403/409 says why not. */
export function decide(
  action: WorkflowAction,
  actor: PostActor,
  post: PostFacts,
  signatures: readonly Signature[] = [],
): Verdict {
  if (!startsFrom[action].includes(post.status))
    return refuse(
      409,
      `「${postStatusLabels[post.status]}」的稿件不能${actionLabels[action]}`,
      `A ${post.status} post cannot be ${action}`,
    );
  switch (action) {
    case 'edit':
    case 'submit':
    case 'withdraw':
      return isDepartmentEditor(actor, post)
        ? OK
        : refuse(403, `只有本部门的信息员可以${actionLabels[action]}`, 'Only the department’s editors may');
    case 'review':
      return mayReview(actor, post, signatures);
    case 'urgent_approve':
      if (!coversPath(actor, post.departmentPath, ['approver']))
        return refuse(403, '只有终审人员可以紧急审批', 'Only an approver may approve urgently');
      return actor.userId === post.authorId
        ? refuse(403, '不能审核自己撰写的稿件', 'Nobody reviews their own post')
        : OK;
    case 'schedule':
    case 'cancel':
    case 'send_now':
      return isDepartmentEditor(actor, post) || coversPath(actor, post.departmentPath, ['approver'])
        ? OK
        : refuse(
            403,
            `只有本部门的信息员或终审人员可以${actionLabels[action]}`,
            'Only the department’s editors or an approver may',
          );
  }
}

function mayReview(actor: PostActor, post: PostFacts, signatures: readonly Signature[]): Verdict {
  const role = reviewLevelRole(post.currentLevel, post.reviewLevels);
  const label = reviewLevelLabel(post.currentLevel, post.reviewLevels);
  if (!coversPath(actor, post.departmentPath, [role]))
    return refuse(
      403,
      `该稿件待${label}，需由本部门的「${roleLabels[role]}」审核`,
      `This level needs a ${role} over the post’s department`,
    );
  if (actor.userId === post.authorId)
    return refuse(403, '不能审核自己撰写的稿件', 'Nobody reviews their own post');
  if (signatures.some((s) => s.reviewerId === actor.userId && s.level !== post.currentLevel))
    return refuse(403, '同一稿件的两级审核不能由同一人签发', 'Nobody signs two levels of the same post');
  return OK;
}

export function permissionsFor(
  actor: PostActor,
  post: PostFacts,
  signatures: readonly Signature[],
): PostPermissions {
  const may = (a: WorkflowAction) => decide(a, actor, post, signatures).ok;
  return {
    edit: may('edit'),
    submit: may('submit'),
    withdraw: may('withdraw'),
    review: may('review'),
    urgentApprove: may('urgent_approve'),
    schedule: may('schedule'),
    cancel: may('cancel'),
    sendNow: may('send_now') && post.status === 'scheduled',
  };
}

/** Where an approval of the current level leads: the next level, or 已通过 after the last. */
export function afterApproval(post: Pick<PostFacts, 'currentLevel' | 'reviewLevels'>): {
  status: PostStatus;
  currentLevel: number;
} {
  return post.currentLevel < post.reviewLevels
    ? { status: 'in_review', currentLevel: post.currentLevel + 1 }
    : { status: 'approved', currentLevel: 0 };
}

/**
 * Where an edit leaves the post: an approved or scheduled one goes back to review (its queued publications
 * are cancelled with it) when it still passes the gate, else back to the drafts; a cancelled one becomes a
 * draft; drafts and rejected posts stay as they are.
 */
export function afterEdit(status: PostStatus, gatePasses: boolean): PostStatus {
  if (status === 'approved' || status === 'scheduled') return gatePasses ? 'submitted' : 'draft';
  if (status === 'cancelled') return 'draft';
  return status;
}

export type GateStep = 'submit' | 'approve' | 'schedule';
const gateStepLabels: Record<GateStep, string> = { submit: '提交', approve: '通过', schedule: '排期发送' };
const gateStepEnglish: Record<GateStep, string> = {
  submit: 'submitted',
  approve: 'approved',
  schedule: 'scheduled',
};

/**
 * 上网不涉密，涉密不上网: only `public` posts go on; a blocking hit stops submission, approval and sending;
 * an approval needs every warning acknowledged (by its key).
 */
export function gateVerdict(step: GateStep, gate: GateResult, acknowledged: readonly string[] = []): Verdict {
  if (gate.classificationBlocked || gate.classification !== 'public')
    return refuse(
      409,
      `「${classificationLabels[gate.classification]}」稿件不能${gateStepLabels[step]}（上网不涉密，涉密不上网）`,
      `Only public posts can be ${gateStepEnglish[step]}`,
    );
  if (gate.blocked)
    return refuse(
      409,
      `稿件含有禁止发布的内容，不能${gateStepLabels[step]}：${blockingWords(gate)}`,
      'The post has blocking content-safety hits',
    );
  if (step === 'approve') {
    const missing = unacknowledgedWarnings(gate, acknowledged);
    if (missing.length)
      return refuse(
        409,
        `还有 ${missing.length} 条内容安全提示未确认：${missing.map((h) => h.text).join('、')}`,
        `${missing.length} content-safety warnings are not acknowledged`,
      );
  }
  return OK;
}

function blockingWords(gate: GateResult): string {
  const words = Object.values(gate.hits)
    .flat()
    .filter((h) => h.level === 'block')
    .map((h) => h.text);
  return [...new Set(words)].join('、');
}

/**
 * The post's status from its publications once sending has begun (for the dispatcher): still going while
 * any is queued, sending or awaiting confirmation; 已发布 when every live one is out; 部分失败 otherwise.
 */
export function statusFromPublications(statuses: readonly PublicationStatus[]): PostStatus {
  const live = statuses.filter((s) => s !== 'cancelled');
  if (live.length === 0) return 'cancelled';
  if (live.some((s) => s === 'queued' || s === 'sending' || s === 'pending_confirmation')) return 'scheduled';
  return live.every((s) => s === 'published') ? 'published' : 'partly_failed';
}
