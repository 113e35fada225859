import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dictionaryKinds, type DictionaryKind, parseDictionaryText } from '@sunlight/contracts';
import { toEntryFields } from './safety-entry.mapper';
import { type EntryFields } from './safety.repository';

/** The default dictionaries shipped with the product, in the import format, one file per kind. */
export const defaultDictionaryFiles: Record<DictionaryKind, string> = {
  sensitive: 'sensitive-words.txt',
  wording: 'wording-errors.txt',
  domain: 'allowed-domains.txt',
};

/** config/dictionaries of the repository, from src/modules/safety and dist/modules/safety alike. */
export const defaultDictionaryDir = resolve(__dirname, '../../../../../config/dictionaries');

export interface DefaultDictionaries {
  entries: EntryFields[];
  /** Lines that could not be read, as "file:line: reason" (a unit test keeps this empty). */
  problems: string[];
}

/** Reads the defaults; a missing directory gives none (an installation without the repository's config/). */
export function readDefaultDictionaries(dir = defaultDictionaryDir): DefaultDictionaries {
  const entries: EntryFields[] = [];
  const problems: string[] = [];
  for (const kind of dictionaryKinds) {
    const file = join(dir, defaultDictionaryFiles[kind]);
    if (!existsSync(file)) continue;
    const keys = new Set<string>();
    for (const line of parseDictionaryText(kind, readFileSync(file, 'utf8'), 'warn')) {
      if (!line.ok) {
        problems.push(`${defaultDictionaryFiles[kind]}:${line.line}: ${line.problem}`);
        continue;
      }
      const fields = toEntryFields(kind, line.entry);
      if (keys.has(fields.termKey)) problems.push(`${defaultDictionaryFiles[kind]}:${line.line}: 重复`);
      else entries.push(fields);
      keys.add(fields.termKey);
    }
  }
  return { entries, problems };
}
