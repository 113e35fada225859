import { z } from 'zod';

const departmentName = z.string().trim().min(1, '名称不能为空').max(64, '名称不超过 64 个字');

export const departmentSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  parentId: z.number().int().nullable(),
  disabled: z.boolean(),
  /** Depth in the tree, 0 for the root. */
  depth: z.number().int(),
  /** 审核级数 of the department's posts: 2 (初审、终审) or 3 (三审三校). */
  reviewLevels: z.number().int(),
});
export type Department = z.infer<typeof departmentSchema>;

export const createDepartmentRequestSchema = z.strictObject({
  name: departmentName,
  parentId: z.number().int().positive(),
});
export type CreateDepartmentRequest = z.infer<typeof createDepartmentRequestSchema>;

export const updateDepartmentRequestSchema = z
  .strictObject({
    name: departmentName.optional(),
    parentId: z.number().int().positive().optional(),
    disabled: z.boolean().optional(),
    reviewLevels: z.union([z.literal(2), z.literal(3)]).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的内容' });
export type UpdateDepartmentRequest = z.infer<typeof updateDepartmentRequestSchema>;
