/**
 * Orders exports as they arrive, through the campaign's import in the dashboard: a GBK file with
 * 小鹅通's column names, a Gumroad .xlsx (generated here with SheetJS), and a file that is neither,
 * refused with the reason; in English and Chinese.
 */
import { fileURLToPath } from 'node:url';
import { utils, write } from '@e965/xlsx';
import { expect, test } from './extension';

const GBK = fileURLToPath(new URL('../fixtures/synthetic/orders/xiaoe-gbk.csv', import.meta.url));
const BAD_ROWS = fileURLToPath(new URL('../fixtures/synthetic/orders/gumroad-bad-rows.csv', import.meta.url));
const CAMPAIGN = 'E2E sales import';

function gumroadXlsx(): Buffer {
  const sheet = utils.aoa_to_sheet([
    [
      'Purchase ID',
      'Purchase Date',
      'Purchase Time (UTC timezone)',
      'Sale Price ($)',
      'Fees ($)',
      'UTM Content',
    ],
    ['P1', '2026-03-05', '10:00:00', 49, 5.2, 'xp-7f3k'],
    ['P2', '2026-03-06', '11:00:00', 49, 5.2, ''],
    ['Totals', '', '', 98, 10.4, ''],
  ]);
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, 'Sales');
  return Buffer.from(write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

test('orders import: GBK 小鹅通 CSV and Gumroad .xlsx recognised; a non-export refused; both languages', async ({
  ext,
}) => {
  test.setTimeout(90_000);
  const { context, extensionId } = ext;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#settings`);
  await page.getByTestId('language').selectOption('en');

  await page.getByRole('tab', { name: /Campaigns/ }).click();
  await page.getByTestId('campaign-new').click();
  const form = page.getByTestId('campaign-form');
  await form.locator('input[name="name"]').fill(CAMPAIGN);
  await form.locator('input[name="platform-weibo"]').check();
  await form.locator('input[name="start"]').fill('2026-03-01');
  await form.locator('input[name="end"]').fill('2026-03-31');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);

  const orders = page.locator(`section[data-campaign="${CAMPAIGN}"]`).getByTestId('orders-import');
  await orders.locator('summary').click();
  const input = orders.locator('input[type="file"]');

  // GBK, as Chinese Excel saves CSV: read, 小鹅通 recognised, three orders in the dates.
  await input.setInputFiles(GBK);
  await expect(orders.getByTestId('orders-detected')).toHaveText(
    'Recognised as a 小鹅通 export: the columns below are filled in; check them before applying.',
  );
  await expect(orders.locator('select[name="map-amount"]')).toHaveValue('实付金额');
  await expect(orders.getByTestId('orders-preview')).toContainText('3 orders');
  await expect(orders.getByTestId('orders-preview')).toContainText('298.50'); // net: the refunded order counts nothing

  // A spreadsheet: Gumroad's columns, the Totals row not counted as an order.
  await input.setInputFiles({
    name: 'sales.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: gumroadXlsx(),
  });
  await expect(orders.getByTestId('orders-detected')).toContainText('Recognised as a Gumroad export');
  await expect(orders.locator('select[name="map-amount"]')).toHaveValue('Sale Price ($)');
  await expect(orders.getByTestId('orders-preview')).toContainText('2 orders');
  await expect(orders.getByTestId('orders-preview')).toContainText('$87.60'); // net of Gumroad's fees

  // A row that cannot be read is named by its line; applying waits until the seller skips it (or cancels).
  await input.setInputFiles(BAD_ROWS);
  const bad = orders.getByTestId('orders-bad-rows');
  await expect(bad.locator('li')).toHaveText([
    'Line 3: the date cannot be read',
    'Line 4: the amount cannot be read',
  ]);
  await expect(orders.getByTestId('orders-apply')).toBeDisabled();
  await bad.getByRole('checkbox', { name: 'Skip the unreadable rows (2) and apply the rest' }).check();
  await orders.getByTestId('orders-apply').click();
  await expect(orders.getByRole('status')).toHaveText(
    '2 orders applied to the campaign. Orders kept: 2 new, 0 updated, 0 already there.',
  );

  // Not an export: refused with the reason, in Chinese too.
  const png = {
    name: 'orders.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]),
  };
  await input.setInputFiles(png);
  await expect(orders.getByRole('status')).toHaveText(
    'This is not a CSV or spreadsheet file: nothing was imported.',
  );
  await expect(orders.getByTestId('orders-preview')).toHaveCount(0);

  await page.getByRole('tab', { name: /Settings/ }).click();
  await page.getByTestId('language').selectOption('zh_CN');
  await page.getByRole('tab', { name: /推广/ }).click();
  const zh = page.locator(`section[data-campaign="${CAMPAIGN}"]`).getByTestId('orders-import');
  await zh.locator('summary').click();
  await zh.locator('input[type="file"]').setInputFiles(GBK);
  await expect(zh.getByTestId('orders-detected')).toHaveText(
    '已识别为 小鹅通 导出文件：已填好下面的列，应用前请核对。',
  );
  await zh.locator('input[type="file"]').setInputFiles(BAD_ROWS);
  await expect(zh.getByTestId('orders-bad-rows').locator('li')).toHaveText([
    '第 3 行：日期无法读取',
    '第 4 行：金额无法读取',
  ]);
  await zh.getByTestId('orders-cancel').click();
  await expect(zh.getByTestId('orders-bad-rows')).toHaveCount(0);
  await zh.locator('input[type="file"]').setInputFiles(png);
  await expect(zh.getByRole('status')).toHaveText('这不是 CSV 或表格文件：没有导入任何内容。');
});
