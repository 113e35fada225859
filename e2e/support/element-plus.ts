import { type Locator, type Page } from '@playwright/test';

/**
 * Opens an Element Plus select or tree-select and clicks the option with this text. Both render
 * their options as role="option" in a dropdown teleported to <body>; only the open one is visible.
 */
export async function pickOption(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: text, exact: true }).filter({ visible: true }).click();
}

/** A table body row (Element Plus renders the fixed column as a second table; skip it). */
export function tableRows(table: Locator): Locator {
  return table.locator('.el-table__body-wrapper tr.el-table__row');
}
