import { type Page, type TestInfo } from '@playwright/test';

/**
 * A full-page screenshot kept with the test's results (artifacts/results/<test>/<name>.png), so
 * the Chinese pages can be looked at after a run, passed or not.
 */
export async function snapshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  // Element Plus dialogs and messages fade in; a half-drawn frame helps nobody.
  await page.waitForTimeout(300);
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}
