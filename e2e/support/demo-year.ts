import { expect, type Page } from '@playwright/test';
import { type AccountImportState } from '@sunlight/contracts';
import { sessionApi } from './api';

/**
 * Waits until the first start's 导入历史 has walked every demo account's timeline and statistics, as the
 * account matrix's import dialog reports it: a year of WeChat reads arrives last (the statistics walk goes
 * back from yesterday), so figures read before then hold still for a while and are still short.
 */
export async function waitForDemoYear(page: Page): Promise<void> {
  const api = await sessionApi(page);
  const accounts = (await (await api.get('/api/accounts')).json()) as { id: number; name: string }[];
  expect(accounts.length).toBeGreaterThan(0);
  await expect
    .poll(
      async () => {
        const states = await Promise.all(
          accounts.map(async (a) => {
            const { latest } = (await (
              await api.get(`/api/accounts/${a.id}/import`)
            ).json()) as AccountImportState;
            if (latest?.status === 'failed') throw new Error(`${a.name} 的历史导入失败：${latest.lastError}`);
            return latest?.status;
          }),
        );
        return states.filter((s) => s !== 'done').length;
      },
      { message: 'every demo account has finished its history import', timeout: 150_000, intervals: [2_000] },
    )
    .toBe(0);
}
