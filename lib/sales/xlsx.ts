/**
 * The first sheet of an .xlsx (or old .xls) export as a table. Only imported dynamically from
 * decode.ts, so SheetJS is fetched from the extension's own files when a spreadsheet is chosen, never before.
 */
import { read, utils } from '@e965/xlsx';
import { type Decoded, toTable } from './decode';

export function readSheet(bytes: Uint8Array): Decoded {
  let rows: unknown[][];
  let firstRow = 0;
  try {
    const book = read(bytes, { type: 'array', dense: true });
    const sheet = book.Sheets[book.SheetNames[0] ?? ''];
    if (!sheet) return { ok: false, reason: 'spreadsheet-unreadable', detail: 'no sheet' };
    firstRow = sheet['!ref'] ? utils.decode_range(sheet['!ref']).s.r : 0;
    // Cells as text, as a CSV export of the sheet has them; dates in one unambiguous form (wall time,
    // read in the preset's zone like any CSV date).
    rows = utils.sheet_to_json<unknown[]>(sheet, {
      header: 1,
      raw: false,
      defval: '',
      blankrows: true,
      dateNF: 'yyyy-mm-dd hh:mm:ss',
    });
  } catch (error) {
    return {
      ok: false,
      reason: 'spreadsheet-unreadable',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  return toTable(
    cells,
    cells.map((_, i) => firstRow + i + 1),
    'xlsx',
  );
}
