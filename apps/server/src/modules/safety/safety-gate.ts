import {
  type Classification,
  type GateField,
  type GateResult,
  type HitSource,
  type SafetyHit,
  unlistedLinkCategory,
} from '@sunlight/contracts';
import { type CompiledDictionary } from './compiled-dictionary';
import { type FoundLink, linksInHtml, linksInText } from './link-finder';

/** Hits listed per field; a text with more needs rewriting, and the count of the rest is reported. */
export const maxHitsPerField = 1000;

export type GateInput = Pick<GateField, 'name' | 'text' | 'html'>;

/**
 * The gate itself, a pure function of one dictionary version: classification (上网不涉密，涉密不上网),
 * sensitive words and wording errors in the text, and links in the text and in the HTML's attributes.
 */
export function evaluateGate(
  dict: CompiledDictionary,
  fields: readonly GateInput[],
  classification: Classification,
): GateResult {
  const hits: Record<string, SafetyHit[]> = {};
  let omitted = 0;
  for (const field of fields) {
    const found = [
      ...wordHits(dict, field),
      ...linkHits(dict, field, 'text'),
      ...linkHits(dict, field, 'html'),
    ];
    const kept = found.length > maxHitsPerField ? mostSerious(found, maxHitsPerField) : found;
    omitted += found.length - kept.length;
    hits[field.name] = kept.sort(byPlace);
  }
  const all = Object.values(hits).flat();
  const counts = {
    block: all.filter((h) => h.level === 'block').length,
    warn: all.filter((h) => h.level === 'warn').length,
  };
  const classificationBlocked = classification !== 'public';
  const blocked = classificationBlocked || counts.block > 0;
  return {
    passed: !blocked && all.length === 0,
    blocked,
    classification,
    classificationBlocked,
    hits,
    warnings: all.filter((h) => h.level === 'warn'),
    counts,
    omitted,
    dictionaryVersion: dict.version,
  };
}

function wordHits(dict: CompiledDictionary, field: GateInput): SafetyHit[] {
  const matches = dict.matcher.findAll(field.text);
  const hits: SafetyHit[] = [];
  for (let i = 0; i < matches.length; i++) {
    const term = dict.terms[matches.pattern(i)]!;
    const start = matches.start(i);
    const end = matches.end(i);
    hits.push({
      key: hitKey(field.name, 'text', start, term.kind, term.text),
      field: field.name,
      source: 'text',
      start,
      end,
      text: field.text.slice(start, end),
      term: term.text,
      kind: term.kind,
      level: term.level,
      category: term.category,
      suggestion: term.suggestion,
    });
  }
  return hits;
}

function linkHits(dict: CompiledDictionary, field: GateInput, source: HitSource): SafetyHit[] {
  const links: FoundLink[] = source === 'text' ? linksInText(field.text) : linksInHtml(field.html ?? '');
  return links
    .filter((link) => link.host === null || !dict.domains.allows(link.host))
    .map((link) => ({
      key: hitKey(field.name, source, link.start, 'domain', link.term),
      field: field.name,
      source,
      start: link.start,
      end: link.end,
      text: link.raw,
      term: link.term,
      kind: 'domain' as const,
      level: dict.unlistedLinkLevel,
      category: unlistedLinkCategory,
      suggestion: null,
    }));
}

/** Stable while the field's text before the hit is: an acknowledgement survives a re-check of the same text. */
function hitKey(field: string, source: HitSource, start: number, kind: string, term: string): string {
  return `${field}:${source}:${start}:${kind}:${term}`;
}

function byPlace(a: SafetyHit, b: SafetyHit): number {
  return (
    Number(a.source === 'html') - Number(b.source === 'html') ||
    a.start - b.start ||
    b.end - a.end ||
    a.key.localeCompare(b.key)
  );
}

function mostSerious(hits: SafetyHit[], n: number): SafetyHit[] {
  return [...hits]
    .sort((a, b) => Number(b.level === 'block') - Number(a.level === 'block') || byPlace(a, b))
    .slice(0, n);
}
