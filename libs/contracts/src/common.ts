import { z } from 'zod';

/** Database ids travel as positive integers; query strings arrive as text, hence the coercion. */
export const idSchema = z.coerce.number().int().positive();
export type Id = z.infer<typeof idSchema>;

/** Calendar day in Asia/Shanghai, as the UI and reports speak of days. */
export const isoDateSchema = z.iso.date();

/** Instants travel as ISO 8601 strings in UTC. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const pageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().nonnegative(),
    page: z.number().int().positive(),
    pageSize: z.number().int().positive(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
