import { z } from 'zod';
import { gateResultSchema } from './safety-hits';

// The content-safety gate's result on one post.

/** The gate's result on a post (title, body, image alt texts, every variant) with the texts it read. */
export const postGateSchema = z.object({
  result: gateResultSchema,
  /** Each checked field: its name (title, body, alt, variant:<accountId>:text …), 中文 label and plain text,
   *  which the hits' positions refer to (for marking them in place). */
  fields: z.array(z.object({ name: z.string(), label: z.string(), text: z.string() })),
});
export type PostGate = z.infer<typeof postGateSchema>;
