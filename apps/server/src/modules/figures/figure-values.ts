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
 * The values of `codes` for each group of a breakdown `by`: counted figures as summed, rates from their
 * summed numerator and denominator (null over zero), and null for a figure the breakdown does not apply
 * to. What applies is worked out once: a breakdown by account has thousands of groups.
 */
export function figureValuesOf(
  codes: readonly FigureCode[],
  by: readonly FigureDimension[],
): (counted: CountedValues) => FigureValues {
  const plan = codes.map((code) => {
    const def = figureCatalogue[code];
    return { code, applies: by.every((d) => def.breakdowns.includes(d)), ratioOf: def.ratioOf };
  });
  return (counted) => {
    const values: FigureValues = {};
    for (const { code, applies, ratioOf } of plan) {
      if (!applies) values[code] = null;
      else if (ratioOf) {
        const denominator = counted[ratioOf.denominator] ?? 0;
        values[code] = denominator === 0 ? null : (counted[ratioOf.numerator] ?? 0) / denominator;
      } else values[code] = counted[code] ?? 0;
    }
    return values;
  };
}

/**
 * Groups keyed by the breakdown asked, each adding up what is counted into it. Rows come keyed by their own
 * department, account, channel, column and month; a department breakdown buckets each department into the
 * chosen one (本级) or the direct child whose subtree holds it.
 */
export class FigureGroups {
  private readonly groups = new Map<string, { key: FigureRowKey; counted: CountedValues }>();
  readonly total: CountedValues = {};

  constructor(
    private readonly by: readonly FigureDimension[],
    private readonly bucket: (department: number) => number,
  ) {}

  /** Whether counts keyed by `dims` can be grouped by the breakdown asked, or only added to the total. */
  breaksDown(dims: readonly FigureDimension[]): boolean {
    return this.by.length > 0 && this.by.every((d) => dims.includes(d));
  }

  /** Adds to the total, and to the group of `row`'s key unless it is null (see `breaksDown`). */
  add(row: FigureRowKey | null, counts: CountedValues): void {
    addInto(this.total, counts);
    if (!row) return;
    // Called once per rollup row and column-period (tens of thousands a request): a plain string key, and
    // a key object only for a new group.
    let id = '';
    for (const d of this.by) id += `${this.value(row, d) ?? ''}|`;
    let group = this.groups.get(id);
    if (!group) {
      const key: FigureRowKey = {};
      for (const d of this.by) {
        const v = this.value(row, d);
        if (v !== undefined) key[d] = v as never;
      }
      group = { key, counted: {} };
      this.groups.set(id, group);
    }
    addInto(group.counted, counts);
  }

  rows(): Array<{ key: FigureRowKey; counted: CountedValues }> {
    return [...this.groups.values()];
  }

  private value(row: FigureRowKey, d: FigureDimension): string | number | undefined {
    if (d === 'department') return this.bucket(row.department!);
    // Publications outside any column (0) form their own group, keyed without a column.
    if (d === 'column') return row.column || undefined;
    return row[d];
  }
}

function addInto(into: CountedValues, counts: CountedValues): void {
  for (const code in counts) {
    const c = code as FigureCode;
    into[c] = (into[c] ?? 0) + counts[c]!;
  }
}
