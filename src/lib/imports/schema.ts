/**
 * Bulk Create (Engagements > "+ New" > "Bulk Create"): the CSV's columns and the outcome of
 * each of its rows, shared by the server and the pages.
 *
 * Column names are matched without regard to case, and spaces and underscores count alike
 * ("Is_shared", "is shared", "IS SHARED"). Columns Tandem does not know are ignored, so the
 * rejected-rows file (the original columns plus `Error`) uploads again as it is.
 */
import { z } from 'zod';
export { longJobStatuses as importStatuses, type LongJobStatus as ImportStatus } from '../long-jobs/schema';

/** Each data row of the file ends as one of these, recorded once under (import, line). */
export const importRowOutcomes = ['created', 'rejected'] as const;
export type ImportRowOutcome = (typeof importRowOutcomes)[number];

/** The largest file accepted, for the page's words (the reader enforces it). */
export const maxImportMegabytes = 5;

/** The fixed columns, as the template writes them, and what each one means. */
export const importColumns = {
	coacheeEmail: { header: 'Coachee email', required: true, meaning: 'The coachee’s email address. Someone not yet in the workspace is added as a coachee of the row’s coach (Not invited).' },
	coacheeFirstName: { header: 'Coachee first name', required: false, meaning: 'Only for a coachee not yet in the workspace.' },
	coacheeLastName: { header: 'Coachee last name', required: false, meaning: 'Only for a coachee not yet in the workspace.' },
	coachEmail: { header: 'Coach email', required: true, meaning: 'The email of an active coach of the workspace.' },
	programTemplate: { header: 'Program template', required: true, meaning: 'The name of a program template in the library (not archived); its items are copied.' },
	engagementName: { header: 'Engagement name', required: false, meaning: 'Defaults to the program template’s name.' },
	startDate: { header: 'Start date', required: true, meaning: 'As YYYY-MM-DD, e.g. 2026-12-01. Forms like 01/12/2026 are refused: they read differently from one country to the next.' },
	endDate: { header: 'End date', required: false, meaning: 'As YYYY-MM-DD, not before the start date.' },
	status: { header: 'Status', required: false, meaning: 'Draft (visible only to admins, the default) or Active (visible to the assigned coach).' },
	isShared: { header: 'Is_shared', required: false, meaning: '1 to share with the coachee once Active; 0 (the default) not to.' }
} as const;
export type ImportColumn = keyof typeof importColumns;

/** The link columns, numbered from 1 (Link_1, Link_2, ...), as the article's "Add documents". */
export const linkColumns = {
	url: { header: (n: number) => `Link_${n}`, meaning: 'A web address starting with https:// (or http://), added to the engagement as a Link item.' },
	name: { header: (n: number) => `Link_${n} name`, meaning: 'How the link appears in the engagement; defaults to the address.' },
	complete: { header: (n: number) => `Link_${n} complete`, meaning: '1 marks the link Completed, so the coachee sees it once the engagement is shared; 0 (the default) leaves it to schedule.' }
} as const;

/** What the template file starts with, in order. */
export const templateHeader: string[] = [
	...Object.values(importColumns).map((column) => column.header),
	linkColumns.url.header(1),
	linkColumns.name.header(1),
	linkColumns.complete.header(1)
];

/** A header cell as it is matched: lower case, spaces and underscores alike, trimmed. */
export const normaliseHeader = (cell: string) => cell.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_]+/g, ' ');

export interface LinkColumnIndexes {
	n: number;
	url?: number;
	name?: number;
	complete?: number;
}

/** Where each known column sits in a file's header (cell indexes). */
export interface ColumnMap {
	fixed: Partial<Record<ImportColumn, number>>;
	links: LinkColumnIndexes[];
}

const fixedByName = new Map(Object.entries(importColumns).map(([key, column]) => [normaliseHeader(column.header), key as ImportColumn]));
const linkHeader = /^link (\d{1,3})(?: (name|complete))?$/;

/** Reads a header row: the known columns' positions (the first of a repeated name wins). */
export function mapColumns(header: readonly string[]): ColumnMap {
	const fixed: ColumnMap['fixed'] = {};
	const links = new Map<number, LinkColumnIndexes>();
	header.forEach((cell, index) => {
		const name = normaliseHeader(cell);
		const key = fixedByName.get(name);
		if (key) {
			fixed[key] ??= index;
			return;
		}
		const link = linkHeader.exec(name);
		if (!link) return;
		const n = Number(link[1]);
		const entry = links.get(n) ?? { n };
		const part = (link[2] ?? 'url') as 'url' | 'name' | 'complete';
		entry[part] ??= index;
		links.set(n, entry);
	});
	return { fixed, links: [...links.values()].sort((a, b) => a.n - b.n) };
}

/** The required columns a header lacks, by their template names. */
export function missingColumns(map: ColumnMap): string[] {
	return (Object.keys(importColumns) as ImportColumn[]).filter((key) => importColumns[key].required && map.fixed[key] === undefined).map((key) => importColumns[key].header);
}

export const missingColumnsMessage = (missing: string[]) =>
	missing.length === 1
		? `The file has no “${missing[0]}” column. Add it to the first row (download the template to see every column).`
		: `The file lacks the columns ${missing.map((name) => `“${name}”`).join(', ')}. Add them to the first row (download the template to see every column).`;

// ---- Inputs -------------------------------------------------------------------------------

const id = z.string().min(1).max(64);

const tooLarge = `Choose a file of at most ${maxImportMegabytes} MB: split a larger one into several.`;

/** The upload, as the form action hands it over: the file's name and its bytes in base64
 * (JSON carries no bytes; the form action and any client encode the file the same way).
 * The reader refuses a file over the limit by its size; this cap only keeps a far larger
 * body from being decoded at all. */
export const startImportInput = z.object({
	fileName: z.string().trim().min(1, 'Choose a CSV file.').max(255, 'Rename the file to something shorter.'),
	file: z.string().max(Math.ceil((maxImportMegabytes * 2 * 1024 * 1024) / 3) * 4, tooLarge)
});
export type StartImport = z.output<typeof startImportInput>;

export const importIdInput = z.object({ importId: id });

export const rejectedPageSize = 25;
export const importPageInput = importIdInput.extend({ page: z.number().int().min(1).max(10_000).default(1) });
export type ImportPageInput = z.output<typeof importPageInput>;

/** How many of one's past bulk creates the upload page lists. */
export const recentImportsLimit = 10;
