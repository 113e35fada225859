import { z } from 'zod';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['up', 'down']),
  workers: z.object({
    /** Worker processes that reported in the last 30 seconds. */
    alive: z.number().int(),
    /** How late the oldest due job is, 0 when nothing is overdue. */
    oldestDueLagSeconds: z.number(),
  }),
});
export type Health = z.infer<typeof healthSchema>;
