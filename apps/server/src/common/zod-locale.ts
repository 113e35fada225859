import { z } from 'zod';

/** Validation messages reach people in Chinese; the English wording is kept for messageEn. */
export function useChineseValidationMessages(): void {
  z.config(z.locales.zhCN());
}

const english = z.locales.en();

export function englishMessage(issue: z.core.$ZodIssue): string {
  const raw = { ...issue, input: undefined } as unknown as Parameters<
    NonNullable<typeof english.localeError>
  >[0];
  const result = english.localeError?.(raw);
  return typeof result === 'string' ? result : (result?.message ?? issue.message);
}
