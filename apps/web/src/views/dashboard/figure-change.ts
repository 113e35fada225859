import type { FigureCode } from '@sunlight/contracts';
import { isRate } from './figure-format';

export type ChangeDirection = 'up' | 'down' | 'flat';
export type ChangeTone = 'good' | 'bad' | 'neutral';

export interface FigureChange {
  /** Current − previous; for a rate in percentage points (0.42 → 0.45 is +3). */
  delta: number;
  /** Relative change of a count (0.125 is +12.5 %); null for rates and when the previous period had none. */
  ratio: number | null;
  direction: ChangeDirection;
  /** Whether the move is welcome: more posts are, more 超期未更新账号 are not. */
  tone: ChangeTone;
}

/** More is worse: a rise in 超期未更新账号 is shown in red, not green. */
export const lowerIsBetter: ReadonlySet<FigureCode> = new Set<FigureCode>(['staleAccounts']);

/** Below this, a change is noise from floating-point arithmetic, not a change. */
const EPSILON = 1e-9;

/** 较上期: the change of a figure against the previous period; null when either side is undefined. */
export function figureChange(
  code: FigureCode,
  current: number | null | undefined,
  previous: number | null | undefined,
): FigureChange | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  const rate = isRate(code);
  const raw = current - previous;
  const delta = rate ? Math.round(raw * 1000) / 10 : raw;
  const direction: ChangeDirection = Math.abs(delta) < EPSILON ? 'flat' : delta > 0 ? 'up' : 'down';
  const ratio = rate || previous === 0 ? null : raw / previous;
  const better = lowerIsBetter.has(code) ? 'down' : 'up';
  const tone: ChangeTone = direction === 'flat' ? 'neutral' : direction === better ? 'good' : 'bad';
  return { delta, ratio, direction, tone };
}
