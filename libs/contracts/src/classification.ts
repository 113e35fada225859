import { z } from 'zod';

/** 密级标识 (上网不涉密，涉密不上网): only `public` may be submitted, approved, scheduled or sent. */
export const classifications = ['public', 'internal', 'secret'] as const;
export const classificationSchema = z.enum(classifications);
export type Classification = z.infer<typeof classificationSchema>;
export const classificationLabels: Record<Classification, string> = {
  public: '公开',
  internal: '内部',
  secret: '涉密',
};
