import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import type { FileStore } from '../platform/ports';
import { inspectCsv, maxImportBytes, readCsvChunk, type CsvRow } from './csv-reader';

const encode = (text: string) => new TextEncoder().encode(text);

/** A FileStore holding one file, handing it out in `piece`-byte reads (as a network would)
 * and counting the bytes each read actually pulled. */
function oneFileStore(bytes: Uint8Array, piece = 7) {
	const pulled: number[] = [];
	const store = {
		async readFrom(_key: string, offset: number) {
			let at = offset;
			const read = { bytes: 0 };
			pulled.push(0);
			const index = pulled.length - 1;
			return new ReadableStream<Uint8Array>({
				pull(controller) {
					if (at >= bytes.byteLength) return controller.close();
					const next = bytes.slice(at, at + piece);
					at += next.byteLength;
					read.bytes += next.byteLength;
					pulled[index] = read.bytes;
					controller.enqueue(next);
				}
			});
		}
	} as unknown as FileStore;
	return { store, pulled };
}

/** Reads a whole file chunk by chunk, as the job does. */
async function readAll(bytes: Uint8Array, fileName = 'rows.csv', maxRows = 2, piece = 7) {
	const layout = inspectCsv(bytes, fileName);
	const { store, pulled } = oneFileStore(bytes, piece);
	const rows: CsvRow[] = [];
	let from = { offset: layout.dataOffset, line: 1, delimiter: layout.delimiter };
	for (;;) {
		const chunk = await readCsvChunk(store, 'k', from, maxRows);
		rows.push(...chunk.rows);
		if (chunk.done) return { layout, rows, pulled, error: chunk.error };
		from = { ...from, offset: chunk.nextOffset, line: chunk.lastLine };
	}
}

function refusal(bytes: Uint8Array, fileName: string): string {
	try {
		inspectCsv(bytes, fileName);
	} catch (error) {
		if (error instanceof DomainError) return error.fieldErrors?.file?.[0] ?? error.message;
		throw error;
	}
	throw new Error('not refused');
}

describe('inspectCsv: what is refused at once', () => {
	it('refuses a file larger than the limit, saying the limit', () => {
		expect(refusal(new Uint8Array(maxImportBytes + 1).fill(65), 'big.csv')).toMatch(/takes files up to 5\.0 MB/);
	});
	it('refuses an Excel workbook with how to save it as CSV', () => {
		expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'people.xlsx')).toMatch(/spreadsheet workbook.*CSV UTF-8/);
	});
	it('refuses binary content and other extensions', () => {
		expect(refusal(new Uint8Array([1, 0, 2, 3]), 'x.csv')).toMatch(/is not a CSV file/);
		expect(refusal(encode('a,b\n1,2'), 'notes.pdf')).toMatch(/is not a CSV file/);
	});
	it('refuses an empty file and a file whose first line is data', () => {
		expect(refusal(encode('\uFEFF\r\n'), 'empty.csv')).toMatch(/is empty/);
		expect(refusal(encode('jo@client.example,cole@acme.example\n'), 'rows.csv')).toMatch(/looks like a row of data/);
	});
	it('refuses text that is not UTF-8', () => {
		expect(refusal(new Uint8Array([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x5a, 0x6f, 0xeb]), 'latin.csv')).toMatch(/not saved as UTF-8/);
	});
	it('reads the header past a byte order mark, and finds Excel’s semicolons', () => {
		expect(inspectCsv(encode('\uFEFFCoachee email;Coach email\r\nx;y'), 'a.csv')).toEqual({ delimiter: ';', columns: ['Coachee email', 'Coach email'], dataOffset: 3 + 25 + 2 });
		expect(inspectCsv(encode('"Name; title",Coach email\n'), 'a.csv').delimiter).toBe(',');
	});
});

describe('readCsvChunk: chunk by chunk, the same rows as one read', () => {
	it('keeps quoted commas, quotes and line breaks, CRLF, blank lines, and numbers lines as a spreadsheet does', async () => {
		const file = '\uFEFFEmail,Note\r\na@x.test,"one, two"\r\n\r\nb@x.test,"say ""hi""\r\nthere"\r\nc@x.test,Zoë\r\n';
		const { rows } = await readAll(encode(file));
		expect(rows).toEqual([
			{ line: 2, cells: ['a@x.test', 'one, two'] },
			{ line: 3, cells: ['b@x.test', 'say "hi"\r\nthere'] },
			{ line: 4, cells: ['c@x.test', 'Zoë'] }
		]);
	});

	it('stops at a quote that never closes, with its line, keeping the rows before it', async () => {
		const { rows, error } = await readAll(encode('Email,Note\na@x.test,ok\nb@x.test,"never closed\nc@x.test,lost\n'), 'rows.csv', 5);
		expect(rows.map((r) => r.line)).toEqual([2]);
		expect(error).toEqual({ line: 3, message: expect.stringMatching(/never closed/) });
	});

	it('property: any table, any delimiter, chunk size and read size reads back exactly', async () => {
		const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a,b', 'x;y', 'say "hi"', 'two\nlines', 'cr\r\nlf', 'Zoë 日本', '=1+1', ''));
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 12 }),
				fc.constantFrom(',', ';'),
				fc.integer({ min: 1, max: 5 }),
				fc.integer({ min: 1, max: 40 }),
				fc.boolean(),
				async (table, delimiter, maxRows, piece, bom) => {
					// Rows made only of empty cells are blank lines, which a reader skips.
					const rows = table.filter((row) => row.some((c) => c !== ''));
					const body = stringify([['Email', 'Note'], ...rows], { delimiter, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
					const { rows: read } = await readAll(encode((bom ? '\uFEFF' : '') + body), 'p.csv', maxRows, piece);
					expect(read.map((r) => r.cells)).toEqual(parse(body, { delimiter, skip_empty_lines: true }).slice(1));
					expect(read.map((r) => r.line)).toEqual(rows.map((_, i) => i + 2));
				}
			),
			{ numRuns: 150 }
		);
	});

	it('each chunk reads about its own bytes, never the rest of the file', async () => {
		const lines = Array.from({ length: 2000 }, (_, i) => `coachee${i}@client.test,coach@acme.test,Leadership Foundations,2026-12-01`);
		const bytes = encode(`Coachee email,Coach email,Program template,Start date\n${lines.join('\n')}\n`);
		const { rows, pulled } = await readAll(bytes, 'big.csv', 200, 4096);
		expect(rows).toHaveLength(2000);
		const rowBytes = bytes.byteLength / 2000;
		// 201 rows (one ahead) plus the reads a stream buffers ahead of its reader.
		for (const bytesRead of pulled) expect(bytesRead).toBeLessThanOrEqual(201 * rowBytes + 2 * 4096);
		expect(pulled).toHaveLength(10);
	});
});
