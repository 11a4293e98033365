/**
 * Reading a Bulk Create CSV a chunk at a time (csv-parse, RFC 4180: quoted commas, quotes
 * and line breaks, CRLF or LF, a UTF-8 byte order mark, and Excel's `;` exports in locales
 * whose decimal mark is a comma).
 *
 * The upload is checked whole at once (`inspectCsv`: it is at most `maxImportBytes`), but
 * the rows are read by the job from file storage, `rowsPerChunk` at a time from a byte
 * offset (`readCsvChunk`, over `FileStore.readFrom`), so no invocation holds the file or
 * runs long. Each chunk ends on a record boundary the parser itself reports (`info.bytes`),
 * so the next chunk's fresh parser starts exactly where this one stopped, even when a quoted
 * cell spans lines.
 *
 * Line numbers count the header as line 1 and each row as one line, as a spreadsheet numbers
 * its rows (a cell with a line break inside stays one row); blank lines are skipped.
 */
import { Buffer } from 'node:buffer';
import { parse, type Info } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { fieldError, notFound } from '../errors';
import type { FileStore } from '../platform/ports';

/** 5 MiB: about 20,000 rows of the template; a larger file is refused before it is stored. */
export const maxImportBytes = 5 * 1024 * 1024;
/** Rows per queue message: one read batch and one write batch of a few thousand statements. */
export const rowsPerChunk = 200;

export type CsvDelimiter = ',' | ';';

export interface CsvLayout {
	delimiter: CsvDelimiter;
	/** The header's cells, trimmed. */
	columns: string[];
	/** Byte offset of the first data row (after the byte order mark and the header). */
	dataOffset: number;
}

export interface CsvRow {
	line: number;
	cells: string[];
}

export interface CsvChunk {
	rows: CsvRow[];
	/** Where the next chunk starts; the file's size when `done`. */
	nextOffset: number;
	/** The line of the last row read (of `from.line` when none was). */
	lastLine: number;
	done: boolean;
	/** A row the parser cannot read at all (a quote never closed): reading stops there. */
	error?: { line: number; message: string };
}

const zipSignature = [0x50, 0x4b, 0x03, 0x04];
const oleSignature = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const saveAsCsv = 'In Excel or Google Sheets, save it as “CSV UTF-8 (comma delimited)” and upload that file.';

/** Refuses at once what is not a CSV the job can read, saying what to do instead. */
export function inspectCsv(bytes: Uint8Array, fileName: string): CsvLayout {
	if (bytes.byteLength > maxImportBytes) {
		throw fieldError('file', `“${fileName}” is ${megabytes(bytes.byteLength)}; Bulk Create takes files up to ${megabytes(maxImportBytes)} (about 20,000 rows). Split it into smaller files.`);
	}
	if (startsWith(bytes, zipSignature) || startsWith(bytes, oleSignature)) {
		throw fieldError('file', `“${fileName}” is a spreadsheet workbook, not a CSV file. ${saveAsCsv}`);
	}
	if (!/\.(csv|txt)$/i.test(fileName) || bytes.subarray(0, 8192).includes(0)) {
		throw fieldError('file', `“${fileName}” is not a CSV file. ${saveAsCsv}`);
	}
	const text = decodeUtf8(bytes, fileName);
	if (!text.replace(/^\uFEFF/, '').trim()) throw fieldError('file', `“${fileName}” is empty. Start from the template CSV: its first line names the columns.`);
	const delimiter = delimiterOf(text);
	const { columns, dataOffset } = headerOf(bytes, delimiter, fileName);
	if (columns.every((cell) => !cell)) throw fieldError('file', `“${fileName}” has no header: its first line must name the columns, as in the template CSV.`);
	if (columns.some((cell) => cell.includes('@'))) {
		throw fieldError('file', `The first line of “${fileName}” looks like a row of data, not the header. Add the template’s header line (“Coachee email”, “Coach email”, …) above the rows.`);
	}
	return { delimiter, columns, dataOffset };
}

function decodeUtf8(bytes: Uint8Array, fileName: string): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw fieldError('file', `“${fileName}” is not saved as UTF-8, so names with accents would be garbled. ${saveAsCsv}`);
	}
}

/** `;` when the header line has more semicolons than commas outside quotes (Excel's export
 * where the comma is the decimal mark); `,` otherwise. */
function delimiterOf(text: string): CsvDelimiter {
	let commas = 0;
	let semicolons = 0;
	let quoted = false;
	for (const char of text) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && (char === '\n' || char === '\r')) break;
		else if (!quoted && char === ',') commas++;
		else if (!quoted && char === ';') semicolons++;
	}
	return semicolons > commas ? ';' : ',';
}

function headerOf(bytes: Uint8Array, delimiter: CsvDelimiter, fileName: string): { columns: string[]; dataOffset: number } {
	let header: { record: string[]; info: Info } | undefined;
	try {
		// `to: 1` stops after the header: the rest is read by the job, chunk by chunk.
		const options = { delimiter, bom: true, info: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, to: 1 };
		// csv-parse's types do not model `info: true`, which wraps each record with its info.
		[header] = parseSync(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), options) as unknown as { record: string[]; info: Info }[];
	} catch {
		throw fieldError('file', `The header of “${fileName}” cannot be read: a quote in it is never closed.`);
	}
	if (!header) throw fieldError('file', `“${fileName}” has no header: its first line must name the columns, as in the template CSV.`);
	return { columns: header.record.map((cell) => cell.trim()), dataOffset: header.info.bytes };
}

/**
 * Up to `maxRows` rows from byte `from.offset`, streaming: it reads one row ahead to know
 * whether the file goes on, then cancels the stream, so a chunk reads about its own bytes.
 */
export async function readCsvChunk(
	files: FileStore,
	key: string,
	from: { offset: number; line: number; delimiter: string },
	maxRows = rowsPerChunk
): Promise<CsvChunk> {
	const stream = await files.readFrom(key, from.offset);
	// Gone for good (deleted, or a bucket emptied): retrying cannot help, so it is a refusal.
	if (!stream) throw notFound('The uploaded file is no longer in file storage, so the rest of it cannot be read. Upload it again: rows already created are listed as duplicates.');
	const reader = stream.getReader();
	const parser = parse({ delimiter: from.delimiter, info: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true });
	const records: { record: string[]; info: Info }[] = [];
	let failure: Error | undefined;
	parser.on('readable', () => {
		for (let row = parser.read(); row !== null; row = parser.read()) records.push(row);
	});
	parser.on('error', (error: Error) => (failure = error));
	const ended = new Promise<void>((resolve) => parser.on('end', resolve).on('error', () => resolve()));

	let done = false;
	while (records.length <= maxRows && !failure) {
		const { value, done: streamDone } = await reader.read();
		if (streamDone) {
			parser.end();
			await ended;
			done = true;
			break;
		}
		parser.write(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
		// The parser emits synchronously on write; let its 'readable' run before looking.
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
	if (!done) await reader.cancel();

	const kept = records.slice(0, maxRows);
	const rows = kept.map(({ record }, i) => ({ line: from.line + 1 + i, cells: record }));
	const lastLine = from.line + rows.length;
	const consumed = kept.length ? kept[kept.length - 1]!.info.bytes : 0;
	const more = records.length > maxRows;
	if (failure && !more) {
		return { rows, nextOffset: from.offset + consumed, lastLine, done: true, error: { line: lastLine + 1, message: unreadableRow(failure) } };
	}
	return { rows, nextOffset: from.offset + consumed, lastLine, done: !more };
}

function unreadableRow(error: Error): string {
	return (error as Error & { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED'
		? 'This row opens a quote (") that is never closed, so the rest of the file cannot be read. Close the quote, or remove it, and upload the rows from here again.'
		: 'This row cannot be read as CSV. Check its quotes and separators, and upload the rows from here again.';
}
