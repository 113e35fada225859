import type { GateResult, SafetyHit } from '@sunlight/contracts';

/** A hit as the gate answers it, with the fields a test cares about overridden. */
export function hit(overrides: Partial<SafetyHit>): SafetyHit {
  return {
    key: `body:text:${overrides.start ?? 0}:sensitive:${overrides.term ?? '网传'}`,
    field: 'body',
    source: 'text',
    start: 0,
    end: 2,
    text: '网传',
    term: '网传',
    kind: 'sensitive',
    level: 'warn',
    category: '未经核实',
    suggestion: null,
    ...overrides,
  };
}

/** A gate result for one field named body. */
export function gateResult(hits: SafetyHit[], overrides: Partial<GateResult> = {}): GateResult {
  const block = hits.filter((h) => h.level === 'block').length;
  return {
    passed: hits.length === 0,
    blocked: block > 0,
    classification: 'public',
    classificationBlocked: false,
    hits: { body: hits },
    warnings: hits.filter((h) => h.level === 'warn'),
    counts: { block, warn: hits.length - block },
    omitted: 0,
    dictionaryVersion: 1,
    ...overrides,
  };
}
