import { type HitLevel } from '@sunlight/contracts';
import { type SafetyDictionaryEntryEntity } from '../../database/entities';
import { AhoCorasick } from './aho-corasick';
import { DomainAllowList } from './domain-allow-list';

/** A word the matcher looks for: a sensitive word or the wrong form of a wording error. */
export interface DictionaryTerm {
  kind: 'sensitive' | 'wording';
  text: string;
  level: HitLevel;
  category: string;
  suggestion: string | null;
}

export type StoredEntry = Pick<
  SafetyDictionaryEntryEntity,
  'kind' | 'text' | 'level' | 'category' | 'suggestion'
>;

export interface DictionarySnapshot {
  version: number;
  unlistedLinkLevel: HitLevel;
  entries: readonly StoredEntry[];
}

/**
 * Everything the gate needs from one version of the dictionaries, built once per version: the automaton
 * over sensitive words and wrong forms together (one scan finds both), and the allow-list of domains.
 */
export class CompiledDictionary {
  private constructor(
    readonly version: number,
    readonly unlistedLinkLevel: HitLevel,
    /** Indexed by the automaton's pattern numbers. */
    readonly terms: readonly DictionaryTerm[],
    readonly matcher: AhoCorasick,
    readonly domains: DomainAllowList,
  ) {}

  static compile(snapshot: DictionarySnapshot): CompiledDictionary {
    const terms: DictionaryTerm[] = [];
    const domains: string[] = [];
    for (const e of snapshot.entries) {
      if (e.kind === 'domain') domains.push(e.text);
      else
        terms.push({
          kind: e.kind,
          text: e.text,
          level: e.level ?? 'warn',
          category: e.category,
          suggestion: e.suggestion,
        });
    }
    return new CompiledDictionary(
      snapshot.version,
      snapshot.unlistedLinkLevel,
      terms,
      AhoCorasick.compile(terms.map((t) => t.text)),
      new DomainAllowList(domains),
    );
  }
}
