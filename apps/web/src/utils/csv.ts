import { downloadBlob } from './download';

export type CsvCell = string | number | null | undefined;

/**
 * Excel opens a UTF-8 CSV as the local code page (GBK on Chinese Windows) unless the file starts with a
 * byte-order mark; with it, 单位名称 and 原创率 survive a double-click.
 */
const BOM = '\uFEFF';

/**
 * A cell as Excel reads it back: quoted when it holds a comma, quote or line break, and a text that starts
 * like a formula (= + - @) prefixed with an apostrophe so opening the file never runs it.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: BOM, a header row, then the rows, CRLF line ends as Excel writes them. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function downloadCsv(
  fileName: string,
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
) {
  downloadBlob(new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }), fileName);
}
