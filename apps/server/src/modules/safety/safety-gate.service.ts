import { Injectable } from '@nestjs/common';
import { type Classification, type GateResult } from '@sunlight/contracts';
import { SafetyDictionaryCache } from './dictionary-cache';
import { evaluateGate, type GateInput } from './safety-gate';

/**
 * 内容安全闸门, the one entry point for everyone who needs it: the composer's live highlighting, submit and
 * review, the dispatcher right before sending (`fresh`), and inbox replies. Nothing but the cached
 * automaton is consulted on the way.
 */
@Injectable()
export class SafetyGate {
  constructor(private readonly cache: SafetyDictionaryCache) {}

  async check(
    fields: readonly GateInput[],
    classification: Classification,
    options: { fresh?: boolean } = {},
  ): Promise<GateResult> {
    return evaluateGate(await this.cache.current(options.fresh), fields, classification);
  }
}
