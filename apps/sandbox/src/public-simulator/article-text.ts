// Article titles and bodies for seeded WeChat and portal history.
import type { Rng } from '../core/rng';
import { fill } from './corpus';
import { ARTICLE_PARAGRAPHS, ARTICLE_TITLES } from './corpus/official';

export const ARTICLE_KINDS = Object.keys(ARTICLE_TITLES);

/** Which title list suits a portal column: by its code when it says so, else by its position. */
export function kindOfColumn(code: string, position: number): string {
  const hints: [RegExp, string][] = [
    [/jw|news|dt|yw/, 'news'],
    [/gg|notice|tz/, 'notice'],
    [/ts|tips|jf/, 'tips'],
    [/bs|guide|zn/, 'guide'],
    [/zc|fg|policy/, 'policy'],
    [/jg|traffic|jt/, 'traffic'],
    [/zw|open|gk/, 'open'],
  ];
  return hints.find(([re]) => re.test(code))?.[1] ?? ARTICLE_KINDS[position % ARTICLE_KINDS.length]!;
}

export function articleTitle(rng: Rng, kind: string, at: number): string {
  return fill(rng.pick(ARTICLE_TITLES[kind] ?? ARTICLE_TITLES.news!), rng, at);
}

export function articleBody(rng: Rng, at: number): string {
  const n = rng.int(3, 5);
  const paragraphs = Array.from({ length: n }, () => fill(rng.pick(ARTICLE_PARAGRAPHS), rng, at));
  return paragraphs.map((p) => `<p>${p}</p>`).join('');
}
