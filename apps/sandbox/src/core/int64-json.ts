// JSON with int64 numbers. Weibo sends ids as bare JSON numbers that do not fit a double; JSON.stringify
// cannot write such a number (JSON.rawJSON arrives only in Node 21), so int64 values are written as a
// sentinel string and unquoted afterwards.
export class Int64 {
  constructor(readonly digits: string) {
    if (!/^-?\d+$/.test(digits)) throw new Error(`not an integer: ${digits}`);
  }
}

export function int64(value: string | bigint): Int64 {
  return new Int64(typeof value === 'bigint' ? value.toString() : value);
}

const SENTINEL = '\u0000int64:';
const SENTINEL_RE = /"\\u0000int64:(-?\d+)"/g;

export function stringifyInt64(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Int64 ? SENTINEL + v.digits : v)).replace(
    SENTINEL_RE,
    '$1',
  );
}
