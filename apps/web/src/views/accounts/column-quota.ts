import { describeQuota, type QuotaPeriod, type QuotaRule } from '@sunlight/contracts';

/** The quota as the column form edits it: a period or 不考核, at least `min`, at most `max` when given. */
export interface QuotaDraft {
  period: QuotaPeriod | 'none';
  min: number;
  max: number | undefined;
}

export function quotaDraftOf(rule: QuotaRule | null): QuotaDraft {
  return rule
    ? { period: rule.period, min: rule.min, max: rule.max ?? undefined }
    : { period: 'none', min: 1, max: undefined };
}

export function quotaRuleOf(draft: QuotaDraft): QuotaRule | null {
  if (draft.period === 'none') return null;
  return { period: draft.period, min: draft.min, max: draft.max ?? null };
}

/** 每日7条 / 每月至少1条 / 每月2–3条; 不考核 without a rule; an impossible range is left to the form's check. */
export function quotaText(draft: QuotaDraft): string {
  const rule = quotaRuleOf(draft);
  return rule && rule.max !== null && rule.max < rule.min ? '' : describeQuota(rule);
}
