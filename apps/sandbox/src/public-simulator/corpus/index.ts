// The built-in corpus: every base message with its category and topic, and template filling.
import type { Rng } from '../../core/rng';
import { ymd } from '../../core/time';
import { CATEGORIES, type Category, type Topic } from '../categories';
import { CHATTER } from './chatter';
import { COMPLAINT } from './complaint';
import { CONSULT } from './consult';
import { EVENTS } from './events';
import { HELP } from './help';
import { PRAISE } from './praise';
import { REPORT } from './report';
import { SLOTS } from './slots';
import { SUGGESTION } from './suggestion';

export interface CorpusEntry {
  category: Category;
  topic: Topic;
  template: string;
  event?: string;
}

const BY_CATEGORY: Record<Category, Partial<Record<Topic, string[]>>> = {
  consult: CONSULT,
  help: HELP,
  complaint: COMPLAINT,
  report: REPORT,
  suggestion: SUGGESTION,
  praise: PRAISE,
  chatter: CHATTER,
};

export const CORPUS: CorpusEntry[] = CATEGORIES.flatMap((category) =>
  Object.entries(BY_CATEGORY[category]).flatMap(([topic, templates]) =>
    (templates ?? []).map((template) => ({ category, topic: topic as Topic, template })),
  ),
);

export const EVENT_CORPUS: CorpusEntry[] = EVENTS.flatMap((e) =>
  e.messages.map(([category, template]) => ({ category, topic: e.topic, template, event: e.code })),
);

export const ALL_ENTRIES: CorpusEntry[] = [...CORPUS, ...EVENT_CORPUS];

/** Fills {slot}s; the same slot used twice in one message gets two different values. */
export function fill(template: string, rng: Rng, at: number): string {
  const used = new Map<string, Set<string>>();
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name === 'date') {
      const [, m, d] = ymd(at).split('-');
      return `${Number(m)}月${Number(d)}日`;
    }
    if (name === 'year') return ymd(at).slice(0, 4);
    const values = SLOTS[name];
    if (!values) return whole;
    const taken = used.get(name) ?? new Set<string>();
    const free = values.filter((v) => !taken.has(v));
    const value = rng.pick(free.length ? free : values);
    taken.add(value);
    used.set(name, taken);
    return value;
  });
}

export function corpusStats() {
  const count = <K extends string>(key: (e: CorpusEntry) => K) =>
    CORPUS.reduce<Record<string, number>>((acc, e) => {
      acc[key(e)] = (acc[key(e)] ?? 0) + 1;
      return acc;
    }, {});
  return {
    baseMessages: CORPUS.length,
    eventMessages: EVENT_CORPUS.length,
    distinct: new Set(ALL_ENTRIES.map((e) => e.template)).size,
    byCategory: count((e) => e.category),
    byTopic: count((e) => e.topic),
    events: EVENTS.map((e) => ({ code: e.code, name: e.name, terms: e.terms, messages: e.messages.length })),
  };
}
