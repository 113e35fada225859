import { type AccountEntity, type ColumnEntity, type PostVariantEntity } from '../../database/entities';
import { type VariantFields } from './post-store';
import { generateVariant, type VariantSource } from './variants';

/** A target account of a post, checked for the author's scope, with its portal column if any. */
export interface PostTarget {
  account: AccountEntity;
  column: ColumnEntity | null;
}

/**
 * The variant rows for a post's targets: generated from the body, except those changed by hand, which keep
 * their content (only their column follows the target) unless `overwriteEdited`.
 */
export function variantRows(
  postId: number,
  targets: readonly PostTarget[],
  source: VariantSource,
  existing: readonly PostVariantEntity[],
  overwriteEdited = false,
): VariantFields[] {
  return targets.map(({ account, column }) => {
    const old = existing.find((v) => v.accountId === account.id);
    const keep = old && old.edited && !overwriteEdited;
    const base = { postId, accountId: account.id, channel: account.channel, columnId: column?.id ?? null };
    if (keep)
      return {
        ...base,
        title: old.title,
        text: old.text,
        digest: old.digest,
        author: old.author,
        coverId: old.coverId,
        imageIds: old.imageIds,
        attachmentIds: old.attachmentIds,
        edited: true,
      };
    const g = generateVariant(account.channel, source);
    return {
      ...base,
      title: g.title,
      text: g.text,
      digest: g.digest,
      author: g.author,
      coverId: g.coverId,
      imageIds: JSON.stringify(g.imageIds),
      attachmentIds: JSON.stringify(g.attachmentIds),
      edited: false,
    };
  });
}
