import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvFile, csvRows, neutraliseCell } from './write';

describe('CSV for spreadsheets', () => {
	it('quotes commas, quotes and line breaks per RFC 4180 and ends every record with CRLF', () => {
		const text = csvRows([['Zoë, "the" coach', 'two\nlines', 3, true, null]]);
		expect(text).toBe('"Zoë, ""the"" coach","two\nlines",3,1,\r\n');
		expect(parse(text)).toEqual([['Zoë, "the" coach', 'two\nlines', '3', '1', '']]);
	});

	it('starts a file with the UTF-8 byte order mark Excel needs', () => {
		const file = csvFile(['Coachee'], [['Zoë']]);
		expect(file.startsWith('\uFEFFCoachee\r\n')).toBe(true);
		expect(parse(file, { bom: true, columns: true })).toEqual([{ Coachee: 'Zoë' }]);
	});

	it.each(['=HYPERLINK("http://evil.test","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])('neutralises a formula cell: %j', (cell) => {
		expect(neutraliseCell(cell)).toBe(`'${cell}`);
		expect(parse(csvRows([[cell]]))[0][0]).toBe(`'${cell}`);
	});

	it('leaves ordinary text, dates and addresses as they are', () => {
		for (const cell of ['Jordan Lee', '2026-12-01', 'jordan@client.demo', 'a=b']) expect(neutraliseCell(cell)).toBe(cell);
	});
});
