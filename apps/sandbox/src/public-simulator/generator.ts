// Chooses what a member of the public says: category weights depend on where they say it (people
// praise in comments and complain in letters), and during an event burst most messages are about it.
import type { Rng } from '../core/rng';
import type { Category, Topic } from './categories';
import { CORPUS, EVENT_CORPUS, fill, type CorpusEntry } from './corpus';
import { EVENTS, type EventDef } from './corpus/events';

export type Venue = 'weiboComment' | 'mention' | 'wechatComment' | 'wechatMessage' | 'letter';

const WEIGHTS: Record<Venue, Record<Category, number>> = {
  weiboComment: { consult: 20, help: 8, complaint: 12, report: 5, suggestion: 8, praise: 20, chatter: 27 },
  mention: { consult: 25, help: 15, complaint: 25, report: 15, suggestion: 8, praise: 7, chatter: 5 },
  wechatComment: { consult: 20, help: 6, complaint: 10, report: 4, suggestion: 12, praise: 28, chatter: 20 },
  wechatMessage: { consult: 42, help: 20, complaint: 14, report: 10, suggestion: 8, praise: 4, chatter: 2 },
  letter: { consult: 34, help: 12, complaint: 26, report: 14, suggestion: 12, praise: 2, chatter: 0 },
};

export interface Message {
  category: Category;
  topic: Topic;
  text: string;
  event: string | null;
}

export function findEvent(code: string | undefined): EventDef | undefined {
  return code ? EVENTS.find((e) => e.code === code) : undefined;
}

export function pickMessage(
  rng: Rng,
  venue: Venue,
  at: number,
  burst?: { event: EventDef; share: number },
): Message {
  let entry: CorpusEntry;
  if (burst && rng.chance(burst.share)) {
    const pool = EVENT_CORPUS.filter(
      (e) => e.event === burst.event.code && (venue !== 'letter' || e.category !== 'chatter'),
    );
    entry = rng.pick(pool);
  } else {
    const category = rng.weighted(WEIGHTS[venue]);
    entry = rng.pick(CORPUS.filter((e) => e.category === category));
  }
  return {
    category: entry.category,
    topic: entry.topic,
    text: fill(entry.template, rng, at),
    event: entry.event ?? null,
  };
}

/** A letter's subject line: the first clause of the message, as people title their letters. */
export function letterTitle(text: string): string {
  const first = text.split(/[，。！？!?,]/)[0] ?? text;
  return [...first].length > 24 ? `${[...first].slice(0, 22).join('')}…` : first;
}
