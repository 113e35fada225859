// bench scan: MB/s of Chinese text through the content-safety gate's matcher (the Aho–Corasick automaton in
// apps/server/src/modules/safety) against a 50,000-entry dictionary, beside the naive baseline — for each word,
// `text.includes(word)` — in the same run. Target (shared/DESIGN.md): ≥ 50 MB/s.
//
// Uses the built server and sandbox (apps/*/dist; `npm run bench -- scan` builds them). Everything is generated
// here from seeded randomness: no downloads. MB are 10^6 bytes of the text as UTF-8 (≈ 3 bytes a character).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const serverRequire = createRequire(join(root, 'apps/server/package.json'));
const sandboxRequire = createRequire(join(root, 'apps/sandbox/package.json'));
const { AhoCorasick } = serverRequire('./dist/modules/safety/aho-corasick.js');
const { MatchList } = serverRequire('./dist/modules/safety/match-list.js');
const { CompiledDictionary } = serverRequire('./dist/modules/safety/compiled-dictionary.js');
const { evaluateGate } = serverRequire('./dist/modules/safety/safety-gate.js');
const { Rng } = sandboxRequire('./dist/core/rng.js');
const { ALL_ENTRIES, fill } = sandboxRequire('./dist/public-simulator/corpus/index.js');
const { OFFICIAL_POSTS, ARTICLE_PARAGRAPHS, ARTICLE_TITLES } = sandboxRequire(
  './dist/public-simulator/corpus/official.js',
);

const TEXT_MB = Number(process.env.BENCH_TEXT_MB ?? 24);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 50_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** The naive baseline is far too slow for the whole text; it runs on this slice and is extrapolated. */
const NAIVE_SLICE_CHARS = Number(process.env.BENCH_NAIVE_CHARS ?? 30_000);
/** A portal article's length: the size of one field the gate checks in the end-to-end figure. */
const FIELD_CHARS = 3_000;
const TARGET_MB_S = 50;
/** Dictionary words that occur in the text. */
const HITTING_WORDS = Number(process.env.BENCH_HITTING_WORDS ?? 300);

const rng = new Rng('bench-scan');
const utf8 = (s) => Buffer.byteLength(s, 'utf8');
const mb = (bytes) => bytes / 1e6;

/** ≥ TEXT_MB of what the public and the accounts write: the sandbox corpus, its slots filled at random. */
function corpusText() {
  const templates = [
    ...ALL_ENTRIES.map((e) => e.template),
    ...OFFICIAL_POSTS,
    ...ARTICLE_PARAGRAPHS,
    ...Object.values(ARTICLE_TITLES).flat(),
  ];
  const parts = [];
  let bytes = 0;
  const start = Date.UTC(2025, 0, 1);
  while (bytes < TEXT_MB * 1e6) {
    const s = fill(rng.pick(templates), rng, start + rng.int(0, 365) * 86_400_000);
    parts.push(s);
    bytes += utf8(s) + 1;
  }
  return parts.join('\n');
}

/**
 * ENTRIES dictionary terms shaped like a real sensitive-word list: a few hundred 3–4 character words taken
 * from the text itself (they hit about once every twenty characters, far more often than a real list does, so
 * the cost of reporting hits is in the figure), two words of the text run together
 * (phrases, rarely present), and 2–6 character strings of the text's characters (mostly absent, as most of a
 * real list is absent from any one text).
 */
function dictionary(text) {
  const han = /^[\u4e00-\u9fff]+$/;
  const words = [];
  const seen = new Set();
  for (let i = 0; i < 200_000; i++) {
    const at = rng.int(0, text.length - 4);
    const w = text.slice(at, at + rng.int(2, 3));
    if (han.test(w) && !seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  const chars = [...new Set(text.replace(/[^\u4e00-\u9fff]/g, ''))];
  const terms = new Set();
  const add = (w) => terms.size < ENTRIES && terms.add(w);
  for (const w of words.filter((w) => w.length >= 3).slice(0, HITTING_WORDS)) add(w);
  while (terms.size < ENTRIES * 0.4) add(rng.pick(words) + rng.pick(words));
  while (terms.size < ENTRIES) {
    let w = '';
    for (let n = rng.int(2, 6); n > 0; n--) w += rng.pick(chars);
    add(w);
  }
  return [...terms];
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const fmt = (x, digits = 1) =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

console.log('building text and dictionary …');
const text = corpusText();
const bytes = utf8(text);
const terms = dictionary(text);
const lengths = terms.map((t) => t.length);
console.log(
  `text: ${fmt(mb(bytes))} MB UTF-8, ${text.length.toLocaleString('en-US')} characters; ` +
    `dictionary: ${terms.length.toLocaleString('en-US')} terms, ${Math.min(...lengths)}–${Math.max(...lengths)} characters`,
);

let t0 = performance.now();
const automaton = AhoCorasick.compile(terms);
const compileMs = performance.now() - t0;
console.log(`compile (fold tables included): ${fmt(compileMs, 0)} ms`);

// The matcher alone: what the gate runs over every field, every overlapping hit collected with its position.
const speeds = [];
let matches = 0;
for (let round = 0; round <= ROUNDS; round++) {
  t0 = performance.now();
  matches = automaton.findAll(text, new MatchList()).length;
  const seconds = (performance.now() - t0) / 1000;
  if (round > 0) speeds.push(mb(bytes) / seconds); // round 0 warms the JIT
}
const charsPerMb = text.length / mb(bytes);

// The whole gate as a check runs it: the text cut into article-sized fields, words and links, hit objects.
const compiled = CompiledDictionary.compile({
  version: 1,
  unlistedLinkLevel: 'block',
  entries: [
    ...terms.map((text) => ({ kind: 'sensitive', text, level: 'warn', category: '测试', suggestion: null })),
    { kind: 'domain', text: 'gov.cn', level: null, category: '政府网站', suggestion: null },
  ],
});
const fields = [];
for (let at = 0; at < text.length; at += FIELD_CHARS)
  fields.push({ name: 'body', text: text.slice(at, at + FIELD_CHARS) });
const gateSpeeds = [];
for (let round = 0; round <= 2; round++) {
  t0 = performance.now();
  for (const field of fields) evaluateGate(compiled, [field], 'public');
  const seconds = (performance.now() - t0) / 1000;
  if (round > 0) gateSpeeds.push(mb(bytes) / seconds);
}

// The naive baseline on a slice: every word looked for with String.includes (presence only, no positions).
const slice = text.slice(0, NAIVE_SLICE_CHARS);
const sliceBytes = utf8(slice);
let present = 0;
t0 = performance.now();
for (const term of terms) if (slice.includes(term)) present++;
const naiveSeconds = (performance.now() - t0) / 1000;
const naive = mb(sliceBytes) / naiveSeconds;

const best = Math.max(...speeds);
const med = median(speeds);
console.log('');
console.log(
  `matcher (Aho–Corasick, ${ROUNDS} rounds over the whole text, ${matches.toLocaleString('en-US')} matches a round):`,
);
console.log(
  `  best ${fmt(best)} MB/s, median ${fmt(med)} MB/s (${fmt((best * charsPerMb) / 1e6)}M characters/s at best)`,
);
console.log(
  `whole gate (words + links, hits as objects, ${fields.length.toLocaleString('en-US')} fields of ${FIELD_CHARS.toLocaleString('en-US')} characters):`,
);
console.log(`  best ${fmt(Math.max(...gateSpeeds))} MB/s, median ${fmt(median(gateSpeeds))} MB/s`);
console.log(
  `naive includes loop (${terms.length.toLocaleString('en-US')} × String.includes on the first ` +
    `${NAIVE_SLICE_CHARS.toLocaleString('en-US')} characters = ${fmt(mb(sliceBytes), 2)} MB, ${present} words present, ` +
    `extrapolated to MB/s): ${fmt(naive, 3)} MB/s`,
);
console.log(`speed-up of the matcher over the naive loop: ${fmt(med / naive, 0)}× (medians)`);
console.log(
  `target ≥ ${TARGET_MB_S} MB/s: ${med >= TARGET_MB_S ? 'met' : 'NOT met'} (median ${fmt(med)} MB/s)`,
);
process.exit(med >= TARGET_MB_S ? 0 : 1);
