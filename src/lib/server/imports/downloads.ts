/** The two CSV files Bulk Create hands out, both through the one CSV writer (csv/write.ts). */
import { csvFile } from '../csv/write';
import { templateHeader } from '../../imports/schema';

/** "Download the template CSV": every column, and one row using the demo workspace's names. */
export function templateCsv(): string {
	return csvFile(templateHeader, [
		[
			'jordan@client.demo',
			'Jordan',
			'Avery',
			'priya@northwind.demo',
			'Leadership Foundations',
			'Leadership Foundations: Jordan',
			'2026-12-01',
			'2027-02-28',
			'Draft',
			'0',
			'https://example.com/welcome-pack.pdf',
			'Welcome pack',
			'1'
		]
	]);
}

export const templateFileName = 'bulk-create-template.csv';

/** The rejected rows as uploaded (the file's own header), each with its reason in `Error`:
 * fix them in place and upload the file again (Bulk Create ignores the `Error` column). */
export function rejectedRowsCsv(rejected: { columns: string[]; rows: { cells: string[]; reason: string }[] }): string {
	const width = rejected.columns.length;
	return csvFile(
		[...rejected.columns, 'Error'],
		rejected.rows.map((row) => [...Array.from({ length: width }, (_, i) => row.cells[i] ?? ''), row.reason])
	);
}

export const rejectedFileName = (fileName: string) => `${fileName.replace(/\.(csv|txt)$/i, '')} - rejected rows.csv`;
