import { type PublicationPayload } from '@sunlight/contracts';
import { htmlToText } from '../../channels/text';
import { type AttachmentEntity, type PostEntity, type PostVariantEntity } from '../../database/entities';
import { jsonList } from './post.mapper';
import { type QueuedPublication } from './publication-store';

/**
 * Stable per post, account and approved version: a retried send of the same publication carries the same
 * key, and a post edited and approved again gets new ones (its old rows are cancelled by then).
 */
export function idempotencyKey(postId: number, accountId: number, version: number): string {
  return `post:${postId}:account:${accountId}:v${version}`;
}

type Files = ReadonlyMap<number, Pick<AttachmentEntity, 'hash' | 'name' | 'mime'>>;

/** One queued publication per target, with what it sends frozen as the payload. */
export function planPublications(
  post: Pick<PostEntity, 'id' | 'version' | 'kind' | 'title' | 'forwardOf'>,
  variants: readonly PostVariantEntity[],
  files: Files,
  dueAt: Date,
  operatorIp: string | null,
): QueuedPublication[] {
  return variants.map((v) => {
    const payload = payloadOf(post, v, files, operatorIp);
    return {
      accountId: v.accountId,
      postId: post.id,
      columnId: v.columnId,
      kind: post.kind,
      title: payload.title.slice(0, 255),
      // The list and the figures read text; the payload keeps the HTML the channel gets.
      text: v.channel === 'weibo' ? v.text : htmlToText(v.text),
      idempotencyKey: payload.idempotencyKey,
      dueAt,
      payload: JSON.stringify(payload),
      forwardOf: post.kind === 'forward' ? post.forwardOf : null,
    };
  });
}

export function payloadOf(
  post: Pick<PostEntity, 'id' | 'version' | 'kind' | 'title' | 'forwardOf'>,
  v: PostVariantEntity,
  files: Files,
  operatorIp: string | null,
): PublicationPayload {
  const ref = (id: number) => {
    const f = files.get(id);
    return f ? [{ hash: f.hash, fileName: f.name, contentType: f.mime }] : [];
  };
  // The cover goes first: WeChat takes images[0] as the article's thumbnail.
  const imageIds = [...new Set([...(v.coverId ? [v.coverId] : []), ...jsonList<number>(v.imageIds)])];
  const payload: PublicationPayload = {
    idempotencyKey: idempotencyKey(post.id, v.accountId, post.version),
    kind: post.kind,
    title: v.title || post.title,
    body: v.text,
    images: imageIds.flatMap(ref),
    attachments: jsonList<number>(v.attachmentIds).flatMap(ref),
  };
  if (v.digest) payload.digest = v.digest;
  if (v.author) payload.author = v.author;
  if (v.column) payload.columnCode = v.column.code;
  if (post.kind === 'forward' && post.forwardOf) payload.forwardOf = post.forwardOf;
  if (operatorIp) payload.operatorIp = operatorIp;
  return payload;
}
