import {
  type DictionaryEntry,
  type DictionaryEntryFields,
  type HitLevel,
  hitLevelLabels,
} from '@sunlight/contracts';
import { type SafetyDictionaryEntryEntity } from '../../database/entities';
import { type EntryFields } from './safety.repository';
import { termKey } from './term-key';

export function toDictionaryEntry(e: SafetyDictionaryEntryEntity): DictionaryEntry {
  return {
    id: e.id,
    kind: e.kind,
    text: e.text,
    level: e.level,
    category: e.category,
    suggestion: e.suggestion,
    createdBy: e.createdBy,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** A checked entry as it is stored, with the key that makes it unique within its kind. */
export function toEntryFields(
  kind: SafetyDictionaryEntryEntity['kind'],
  e: DictionaryEntryFields,
): EntryFields {
  return {
    kind,
    text: e.text,
    termKey: termKey(e.text),
    level: e.level,
    category: e.category,
    suggestion: e.suggestion,
  };
}

/** What differs between a stored entry and a checked one, in words for the import report and the audit log. */
export function describeDifferences(
  stored: SafetyDictionaryEntryEntity,
  next: DictionaryEntryFields,
): string[] {
  const changes: string[] = [];
  const show = (v: string | null) => v ?? '（无）';
  const level = (v: HitLevel | null) => (v ? hitLevelLabels[v] : '（无）');
  if (stored.text !== next.text) changes.push(`写法 ${stored.text} → ${next.text}`);
  if (stored.level !== next.level) changes.push(`级别 ${level(stored.level)} → ${level(next.level)}`);
  if (stored.category !== next.category) changes.push(`分类 ${stored.category} → ${next.category}`);
  if (stored.suggestion !== next.suggestion)
    changes.push(`正确写法 ${show(stored.suggestion)} → ${show(next.suggestion)}`);
  return changes;
}
