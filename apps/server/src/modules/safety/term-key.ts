import { createHash } from 'node:crypto';
import { foldTerm } from './text-fold';

/**
 * What makes two entries of one dictionary the same: their text as it is matched (NFKC, lower case), so
 * ＡＢＣ and abc cannot both be stored. Hashed so the unique index behaves alike on SQLite and on MySQL,
 * whose case- and accent-insensitive collation would otherwise merge entries the matcher keeps apart.
 */
export function termKey(text: string): string {
  return createHash('sha256').update(foldTerm(text)).digest('hex');
}
