import {
  hitKindLabels,
  hitLevelLabels,
  positionOf,
  type HitLevel,
  type SafetyHit,
} from '@sunlight/contracts';
import { t } from '@/locales';

/** One line of the list under a highlighted text: where, how serious, what was found and what to write. */
export interface HitRow {
  key: string;
  position: string;
  level: HitLevel;
  levelLabel: string;
  kindLabel: string;
  text: string;
  suggestion: string | null;
  category: string;
}

/**
 * The hits of one field in reading order, each placed as a person counts (第 2 行第 5 字). A hit in the HTML
 * (a link in an href) has no place in the plain text and is placed by its offset in the source instead.
 */
export function hitRows(text: string, hits: readonly SafetyHit[]): HitRow[] {
  return [...hits]
    .sort((a, b) => Number(a.source === 'html') - Number(b.source === 'html') || a.start - b.start)
    .map((h) => ({
      key: h.key,
      position:
        h.source === 'html'
          ? t('safety.hits.positionHtml', { offset: h.start + 1 })
          : t('safety.hits.positionText', positionOf(text, h.start)),
      level: h.level,
      levelLabel: hitLevelLabels[h.level],
      kindLabel: hitKindLabels[h.kind],
      text: h.text,
      suggestion: h.suggestion,
      category: h.category,
    }));
}

/** Element Plus tag colours of the two levels. */
export const levelTagTypes: Record<HitLevel, 'danger' | 'warning'> = { block: 'danger', warn: 'warning' };
