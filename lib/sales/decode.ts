/**
 * An orders export's bytes → a table of strings with the file line of each row. Exports arrive as they
 * do in life: UTF-8 with or without a BOM, GBK/GB18030 from Chinese Excel, UTF-16 "Unicode text",
 * comma, semicolon or tab separated, or a spreadsheet (.xlsx, read by SheetJS loaded only then).
 * Each file is read, or refused with the reason.
 */
import Papa from 'papaparse';

export interface Table {
  headers: string[];
  /** Data rows, cells in header order (missing cells are ""). */
  rows: string[][];
  /** The 1-based file line (or sheet row) each data row starts on; the header is on headerLine. */
  lines: number[];
  headerLine: number;
  /** How the bytes were read: "utf-8", "utf-8 BOM", "gb18030", "utf-16le", "xlsx". */
  encoding: string;
  delimiter?: string;
}

export type Decoded = { ok: true; table: Table } | { ok: false; reason: DecodeRefusal; detail?: string };

export type DecodeRefusal =
  | 'empty'
  | 'not-text'
  | 'unknown-encoding'
  | 'no-header'
  | 'spreadsheet-unreadable';

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/** Text of a CSV export, or why it is not one we can read. UTF-8 is tried strictly first; GB18030 (a superset of GBK) next. */
export function decodeText(
  bytes: Uint8Array,
): { text: string; encoding: string } | { reason: DecodeRefusal } {
  if (startsWith(bytes, UTF8_BOM)) {
    const text = strict('utf-8', bytes.subarray(3));
    return text === null ? { reason: 'unknown-encoding' } : { text, encoding: 'utf-8 BOM' };
  }
  if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = strict(label, bytes.subarray(2));
    return text === null ? { reason: 'unknown-encoding' } : { text, encoding: label };
  }
  // A NUL byte never occurs in UTF-8 or GB18030 text: this is some binary file.
  if (bytes.subarray(0, 4096).includes(0)) return { reason: 'not-text' };
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = strict('gb18030', bytes);
  return gb === null ? { reason: 'unknown-encoding' } : { text: gb, encoding: 'gb18030' };
}

function strict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

export const isSpreadsheet = (bytes: Uint8Array): boolean => startsWith(bytes, ZIP) || startsWith(bytes, OLE);

/** CSV text → table; the delimiter is papaparse's guess among comma, semicolon, tab and pipe. */
export function parseCsv(text: string, encoding: string): Decoded {
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: false,
  });
  // Each row starts on the line after the previous one, plus the newlines quoted inside its cells.
  const lines = new Array<number>(parsed.data.length);
  let line = 1;
  for (let i = 0; i < parsed.data.length; i++) {
    lines[i] = line;
    line++;
    for (const cell of parsed.data[i]!) {
      if (!cell.includes('\n')) continue;
      for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) line++;
    }
  }
  return toTable(parsed.data, lines, encoding, parsed.meta.delimiter);
}

/** Rows (the first non-empty one is the header) → a table with cells aligned to the header. */
export function toTable(raw: string[][], lines: number[], encoding: string, delimiter?: string): Decoded {
  const first = raw.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (first === -1) return { ok: false, reason: 'empty' };
  const headers = raw[first]!.map((h) => h.trim());
  if (headers.filter((h) => h !== '').length < 2) return { ok: false, reason: 'no-header' };
  const rows: string[][] = [];
  const rowLines: number[] = [];
  for (let i = first + 1; i < raw.length; i++) {
    const r = raw[i]!;
    if (r.every((c) => c.trim() === '')) continue;
    rows.push(r.length === headers.length ? r : headers.map((_, j) => r[j] ?? ''));
    rowLines.push(lines[i]!);
  }
  const table: Table = { headers, rows, lines: rowLines, headerLine: lines[first]!, encoding };
  if (delimiter) table.delimiter = delimiter;
  return { ok: true, table };
}

/** Any export's bytes → a table. Spreadsheets load SheetJS on demand (a separate chunk, ~400 KB). */
export async function decodeOrdersFile(bytes: Uint8Array): Promise<Decoded> {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (isSpreadsheet(bytes)) {
    const { readSheet } = await import('./xlsx');
    return readSheet(bytes);
  }
  const decoded = decodeText(bytes);
  return 'reason' in decoded
    ? { ok: false, reason: decoded.reason }
    : parseCsv(decoded.text, decoded.encoding);
}
