import { type PostEntity, type PostVariantEntity } from '../../database/entities';

// 修改记录: a full snapshot per save, and the names of what the save changed, for the history drawer.

const POST_FIELDS = [
  'title',
  'body',
  'kind',
  'forwardOf',
  'classification',
  'tags',
  'attachmentIds',
  'urgent',
  'urgentReason',
  'scheduledAt',
] as const;
const VARIANT_FIELDS = [
  'columnId',
  'title',
  'text',
  'digest',
  'author',
  'coverId',
  'imageIds',
  'attachmentIds',
] as const;

type SnapshotPost = Pick<PostEntity, (typeof POST_FIELDS)[number]>;
type SnapshotVariant = Pick<PostVariantEntity, 'accountId' | (typeof VARIANT_FIELDS)[number]>;

export interface PostSnapshot {
  post: Record<string, unknown>;
  variants: Record<string, Record<string, unknown>>;
}

export function snapshotOf(post: SnapshotPost, variants: readonly SnapshotVariant[]): PostSnapshot {
  const pick = <T extends object>(o: T, keys: readonly (keyof T)[]) =>
    Object.fromEntries(keys.map((k) => [k, o[k] instanceof Date ? (o[k] as Date).toISOString() : o[k]]));
  return {
    post: pick(post, POST_FIELDS),
    variants: Object.fromEntries(variants.map((v) => [String(v.accountId), pick(v, VARIANT_FIELDS)])),
  };
}

/** Field names that differ: post fields by name, a variant as `variant:<accountId>`, targets as `targets`. */
export function changedFields(before: PostSnapshot | null, after: PostSnapshot): string[] {
  if (!before) return ['created'];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const changed = POST_FIELDS.filter((k) => !same(before.post[k], after.post[k])).map(String);
  const beforeIds = Object.keys(before.variants).sort();
  const afterIds = Object.keys(after.variants).sort();
  if (!same(beforeIds, afterIds)) changed.push('targets');
  for (const id of afterIds)
    if (before.variants[id] && !same(before.variants[id], after.variants[id])) changed.push(`variant:${id}`);
  return changed;
}
