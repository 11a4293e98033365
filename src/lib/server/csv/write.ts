/**
 * CSV for people to open in Excel, Google Sheets and LibreOffice (exports, the Bulk Create
 * template, rejected rows): RFC 4180 quoting by csv-stringify, CRLF line ends, and a UTF-8
 * byte order mark at the start of the file, without which Excel reads UTF-8 as the
 * machine's legacy code page and mangles names like "Zoë".
 *
 * Cells are neutralised against formula injection (OWASP "CSV Injection"): a spreadsheet
 * runs a cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return before one)
 * as a formula, so a coachee named `=HYPERLINK(...)` would become a link in the admin's
 * sheet. Such cells get a leading apostrophe, which the spreadsheet shows as text.
 */
import { stringify } from 'csv-stringify/sync';
import { contentDisposition } from '../platform/content-disposition';

export const utf8Bom = '\uFEFF';

const formulaStart = /^[=+\-@\t\r]/;

/** The cell as a spreadsheet will show it, never as a formula. */
export function neutraliseCell(value: string): string {
	return formulaStart.test(value) ? `'${value}` : value;
}

export type CsvCell = string | number | boolean | null | undefined;

function cellText(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'boolean') return value ? '1' : '0';
	return neutraliseCell(String(value));
}

/** Rows as CSV text, each ending in CRLF (no BOM: put `utf8Bom` before the first). */
export function csvRows(rows: readonly (readonly CsvCell[])[]): string {
	if (!rows.length) return '';
	// csv-stringify quotes a line break only when it equals the record delimiter; a lone LF
	// or CR inside a cell must be quoted too, or a reader splits the record there.
	return stringify(rows.map((row) => row.map(cellText)), { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** A whole small file: BOM, header, rows. */
export function csvFile(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
	return utf8Bom + csvRows([header, ...rows]);
}

/** The response headers of a CSV download saved as `fileName`. */
export function csvDownloadHeaders(fileName: string): Record<string, string> {
	return {
		'content-type': 'text/csv; charset=utf-8',
		'content-disposition': contentDisposition(fileName),
		'cache-control': 'private, no-store',
		'x-content-type-options': 'nosniff'
	};
}
