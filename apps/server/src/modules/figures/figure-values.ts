import {
  type FigureCode,
  figureCatalogue,
  type FigureDimension,
  type FigureRowKey,
  type FigureValues,
} from '@sunlight/contracts';

/** The figures that are counted (summed up any tree), as opposed to the rates derived from two of them. */
export type CountedValues = Partial<Record<FigureCode, number>>;

/**
 * The values of `codes` for one group: counted figures as summed, rates from their summed numerator and
 * denominator (null over zero), and null for a figure the group's breakdown does not apply to.
 */
export function figureValues(
  counted: CountedValues,
  codes: readonly FigureCode[],
  by: readonly FigureDimension[],
): FigureValues {
  const values: FigureValues = {};
  for (const code of codes) {
    const def = figureCatalogue[code];
    if (by.some((d) => !def.breakdowns.includes(d))) values[code] = null;
    else if (def.ratioOf) {
      const denominator = counted[def.ratioOf.denominator] ?? 0;
      values[code] = denominator === 0 ? null : (counted[def.ratioOf.numerator] ?? 0) / denominator;
    } else values[code] = counted[code] ?? 0;
  }
  return values;
}

/** Groups keyed by their breakdown values, each adding up what is counted into it. */
export class FigureGroups {
  private readonly groups = new Map<string, { key: FigureRowKey; counted: CountedValues }>();
  readonly total: CountedValues = {};

  /** Adds to the total, and to the group of `key` unless the counts cannot be broken down that way (null). */
  add(key: FigureRowKey | null, counts: CountedValues): void {
    addInto(this.total, counts);
    if (!key) return;
    // Called once per rollup row and column-period (tens of thousands a request): a plain string key.
    const id = `${key.department ?? ''}|${key.account ?? ''}|${key.channel ?? ''}|${key.column ?? ''}|${key.month ?? ''}`;
    let group = this.groups.get(id);
    if (!group) {
      group = { key, counted: {} };
      this.groups.set(id, group);
    }
    addInto(group.counted, counts);
  }

  rows(): Array<{ key: FigureRowKey; counted: CountedValues }> {
    return [...this.groups.values()];
  }
}

function addInto(into: CountedValues, counts: CountedValues): void {
  for (const code in counts) {
    const c = code as FigureCode;
    into[c] = (into[c] ?? 0) + counts[c]!;
  }
}
