// Cursors are opaque to callers and persisted with the rows they cover; providers keep small JSON in them,
// checked on the way back in so a cursor from an older format fails loudly instead of skipping data.
import { type z } from 'zod';
import { PermanentError } from './channel-errors';

export function encodeCursor<T>(value: T): string {
  return JSON.stringify(value);
}

export function decodeCursor<S extends z.ZodType>(schema: S, cursor: string | null): z.infer<S> | null {
  if (cursor === null || cursor === '') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(cursor);
  } catch {
    raw = undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new PermanentError({
      code: null,
      message: `收集游标无法识别 / unreadable collection cursor: ${cursor}`,
    });
  return parsed.data;
}
