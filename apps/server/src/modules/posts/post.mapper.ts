import {
  type Attachment,
  type Channel,
  type PostEvent,
  type PostPublication,
  type PostSummary,
  type PostVariant,
  type PostVersion,
  type ReviewAnchor,
  type ReviewStep,
  reviewLevelLabel,
} from '@sunlight/contracts';
import {
  type AttachmentEntity,
  type PostEntity,
  type PostEventEntity,
  type PostVariantEntity,
  type PostVersionEntity,
  type PublicationEntity,
  type ReviewStepEntity,
} from '../../database/entities';

// Stored rows to what the API shows. JSON columns are parsed here and nowhere else.

const iso = (d: Date | null) => d?.toISOString() ?? null;
export const jsonList = <T>(text: string): T[] => JSON.parse(text) as T[];

export function toPostSummary(p: PostEntity, channels: readonly Channel[]): PostSummary {
  return {
    id: p.id,
    title: p.title,
    status: p.status,
    kind: p.kind,
    classification: p.classification,
    departmentId: p.departmentId,
    departmentName: p.department?.name ?? '',
    authorId: p.authorId,
    authorName: p.author?.displayName ?? '',
    channels: [...new Set(channels)],
    targetCount: channels.length,
    urgent: p.urgent,
    reviewLevels: p.reviewLevels,
    currentLevel: p.currentLevel,
    scheduledAt: iso(p.scheduledAt),
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function toVariant(v: PostVariantEntity): PostVariant {
  return {
    accountId: v.accountId,
    accountName: v.account?.name ?? '',
    channel: v.channel,
    departmentName: v.account?.department?.name ?? '',
    columnId: v.columnId,
    columnName: v.column?.name ?? null,
    title: v.title,
    text: v.text,
    digest: v.digest,
    author: v.author,
    coverId: v.coverId,
    imageIds: jsonList<number>(v.imageIds),
    attachmentIds: jsonList<number>(v.attachmentIds),
    edited: v.edited,
  };
}

export const attachmentUrl = (id: number) => `/api/attachments/${id}/content`;

export function toAttachment(a: AttachmentEntity): Attachment {
  return {
    id: a.id,
    name: a.name,
    mime: a.mime,
    size: a.size,
    kind: a.mime.startsWith('image/') ? 'image' : 'document',
    hash: a.hash,
    url: attachmentUrl(a.id),
  };
}

export function toReviewStep(s: ReviewStepEntity, levels: number): ReviewStep {
  return {
    id: s.id,
    round: s.round,
    level: s.level,
    levelLabel: reviewLevelLabel(s.level, levels),
    reviewerId: s.reviewerId,
    reviewerName: s.reviewer?.displayName ?? '',
    decision: s.decision,
    comment: s.comment,
    anchors: jsonList<ReviewAnchor>(s.anchors),
    acknowledgedWarnings: jsonList<string>(s.acknowledgedWarnings),
    urgent: s.urgent,
    at: s.at.toISOString(),
  };
}

export function toPostEvent(e: PostEventEntity): PostEvent {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    detail: e.detail,
    account: e.account ? { id: e.account.id, name: e.account.name, channel: e.account.channel } : null,
    link: e.link,
  };
}

export function toPostVersion(v: PostVersionEntity): PostVersion {
  return {
    version: v.version,
    at: v.at.toISOString(),
    authorId: v.authorId,
    authorName: v.author?.displayName ?? '',
    changed: v.changed ? v.changed.split(',') : [],
  };
}

export function toPostPublication(p: PublicationEntity): PostPublication {
  return {
    id: p.id,
    accountId: p.accountId,
    status: p.status,
    dueAt: iso(p.dueAt),
    publishedAt: iso(p.publishedAt),
    url: p.url,
    lastError: p.lastError,
  };
}
