/**
 * One chunk of a Bulk Create file, judged row by row without touching anything: each row
 * becomes a plan (the engagement to make, and the coachee to add first if they are new) or
 * a reason its owner can act on. Pure functions over what the chunk's one batch of lookups
 * found (chunk.ts), so every rule is tested without a database.
 */
import type { Role } from '../db/control/schema';
import type { PersonStatus } from '../db/tenant/schema';
import { emailSchema, personNameSchema } from '../../auth/schema';
import { webUrl } from '../../engagements/schema';
import { isRealDate } from '../../goals/schema';
import { importColumns, linkColumns, type ColumnMap, type ImportColumn } from '../../imports/schema';
import { roleLabels } from '../../permissions';
import { toSingleLine } from '../../validation';
import type { ResolvedItem } from '../engagements/item-content';

/** A row's cells by meaning, trimmed; empty cells are ''. Names shown on one line get their
 * line breaks (a quoted cell may hold them) as spaces. */
export interface RowFields {
	email: string;
	firstName: string;
	lastName: string;
	coachEmail: string;
	template: string;
	title: string;
	startsOn: string;
	endsOn: string;
	status: string;
	shared: string;
	links: { n: number; url: string; name: string; complete: string }[];
}

export function readRow(map: ColumnMap, cells: readonly string[]): RowFields {
	const cell = (index: number | undefined) => (index === undefined ? '' : (cells[index] ?? '').trim());
	const fixed = (key: ImportColumn) => cell(map.fixed[key]);
	return {
		email: fixed('coacheeEmail').toLowerCase(),
		firstName: fixed('coacheeFirstName'),
		lastName: fixed('coacheeLastName'),
		coachEmail: fixed('coachEmail').toLowerCase(),
		template: fixed('programTemplate'),
		title: toSingleLine(fixed('engagementName')),
		startsOn: fixed('startDate'),
		endsOn: fixed('endDate'),
		status: fixed('status'),
		shared: fixed('isShared'),
		links: map.links
			.map((link) => ({ n: link.n, url: cell(link.url), name: toSingleLine(cell(link.name)), complete: cell(link.complete) }))
			.filter((link) => link.url || link.name || link.complete)
	};
}

/** How a template's name is matched: case and runs of spaces do not count. */
export const templateKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Coachee, template and start date: two rows with the same are the same engagement. */
export const dedupeKeyOf = (row: Pick<RowFields, 'email' | 'template' | 'startsOn'>) => JSON.stringify([row.email, templateKey(row.template), row.startsOn]);

export interface KnownPerson {
	id: string;
	email: string;
	firstName: string;
	lastName: string;
	roles: Role[];
	status: PersonStatus;
	timeZone: string;
}

export interface KnownTemplate {
	id: string;
	name: string;
	archived: boolean;
	/** The template's items as engagements get them, or why they cannot be sent any more. */
	items: ResolvedItem[] | string;
}

/** What the chunk's lookups found, and what earlier rows of the file already made. */
export interface ChunkLookups {
	/** Everyone whose email the chunk names (coachees and coaches), by lower-case email. */
	people: ReadonlyMap<string, KnownPerson>;
	/** Templates by `templateKey` of their name (several may share one). */
	templates: ReadonlyMap<string, KnownTemplate[]>;
	/** Engagements the coachees already have: `existingKey(coacheeId, templateId, startsOn)`. */
	existing: ReadonlySet<string>;
	/** Created rows of earlier chunks, by dedupe key: their line. */
	earlier: ReadonlyMap<string, number>;
}

export const existingKey = (coacheeId: string, templateId: string, startsOn: string) => `${coacheeId}\n${templateId}\n${startsOn}`;

export interface PlannedLink {
	url: string;
	title: string;
	complete: boolean;
}

export interface PlannedRow {
	line: number;
	email: string;
	/** An existing coachee, or the names of one to add (as a coachee of `coach`, Not invited). */
	coachee: { existing: KnownPerson } | { new: { firstName: string; lastName: string } };
	coach: KnownPerson;
	template: KnownTemplate & { items: ResolvedItem[] };
	title: string;
	startsOn: string;
	endsOn: string | null;
	status: 'draft' | 'active';
	shared: boolean;
	links: PlannedLink[];
	dedupeKey: string;
}

export type RowOutcome = { line: number; email: string; cells: string[] } & ({ ok: true; plan: PlannedRow } | { ok: false; reason: string });

const personWord = (person: KnownPerson) => `${person.firstName} ${person.lastName}`.trim();
const statusWords: Record<PersonStatus, string> = { not_invited: 'not invited yet', invited: 'invited but has not accepted yet', active: 'active', deactivated: 'deactivated' };

function checkDate(value: string, column: string, required: boolean): string | null {
	if (!value) return required ? `${column} is empty: write it as YYYY-MM-DD, like 2026-12-01.` : null;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${column} “${value}” is not written as YYYY-MM-DD, like 2026-12-01.`;
	if (!isRealDate(value)) return `${column} ${value} is not a day of the calendar (or not between the years 2000 and 2199).`;
	return null;
}

function checkFlag(value: string, column: string): string | null {
	return value === '' || value === '0' || value === '1' ? null : `${column} “${value}” is not 1 or 0.`;
}

function parseStatus(value: string): 'draft' | 'active' | null {
	const word = value.toLowerCase();
	if (word === '' || word === 'draft') return 'draft';
	if (word === 'active') return 'active';
	return null;
}

function checkName(value: string, label: string, column: string): string | null {
	const parsed = personNameSchema(label).safeParse(value);
	return parsed.success ? null : `${column}: ${parsed.error.issues[0]!.message}`;
}

/** The coachee of a row: found, to be added, or why neither. */
function coacheeOf(row: RowFields, lookups: ChunkLookups, planned: ReadonlyMap<string, PlannedRow['coachee']>): PlannedRow['coachee'] | string {
	const header = importColumns.coacheeEmail.header;
	if (!row.email) return `${header} is empty.`;
	if (!emailSchema.safeParse(row.email).success) return `${header} “${row.email}” is not an email address.`;
	const person = lookups.people.get(row.email);
	if (person) {
		if (person.roles.includes('coachee')) return { existing: person };
		const as = person.roles.map((role) => roleLabels[role]).join(' and ');
		return `${row.email} belongs to ${personWord(person)}, who is in this workspace as ${as}, not as a coachee. Use a coachee’s email.`;
	}
	const earlier = planned.get(row.email);
	if (earlier) return earlier;
	if (!row.firstName || !row.lastName) {
		return `${row.email} is not a coachee of this workspace yet: fill in ${importColumns.coacheeFirstName.header} and ${importColumns.coacheeLastName.header} to add them.`;
	}
	const bad = checkName(row.firstName, 'first name', importColumns.coacheeFirstName.header) ?? checkName(row.lastName, 'last name', importColumns.coacheeLastName.header);
	return bad ?? { new: { firstName: row.firstName, lastName: row.lastName } };
}

function coachOf(row: RowFields, lookups: ChunkLookups): KnownPerson | string {
	const header = importColumns.coachEmail.header;
	if (!row.coachEmail) return `${header} is empty.`;
	const person = lookups.people.get(row.coachEmail);
	if (!person) return `Unknown coach: no one in this workspace has the email ${row.coachEmail}.`;
	if (!person.roles.includes('coach')) return `Unknown coach: ${row.coachEmail} belongs to ${personWord(person)}, who is not a coach of this workspace.`;
	if (person.status !== 'active') return `The coach ${personWord(person)} (${row.coachEmail}) is ${statusWords[person.status]}; choose an active coach.`;
	return person;
}

function templateOf(row: RowFields, lookups: ChunkLookups): PlannedRow['template'] | string {
	const header = importColumns.programTemplate.header;
	if (!row.template) return `${header} is empty.`;
	const named = lookups.templates.get(templateKey(row.template)) ?? [];
	const usable = named.filter((template) => !template.archived);
	if (!named.length) return `Missing template: no program template is named “${row.template}”. Check the name under Program Templates.`;
	if (!usable.length) return `The program template “${named[0]!.name}” is archived. Restore it under Program Templates, or name another.`;
	if (usable.length > 1) return `Several program templates are named “${usable[0]!.name}”. Rename one of them under Program Templates, then upload again.`;
	const template = usable[0]!;
	if (typeof template.items === 'string') return template.items;
	return { ...template, items: template.items };
}

/** The row's links, and what is wrong with any of them. */
function linksOf(row: RowFields): { links: PlannedLink[]; problems: string[] } {
	const problems: string[] = [];
	const links: PlannedLink[] = [];
	for (const link of row.links) {
		const url = linkColumns.url.header(link.n);
		if (!link.url) {
			problems.push(`${link.name ? linkColumns.name.header(link.n) : linkColumns.complete.header(link.n)} is filled in but ${url} is empty.`);
			continue;
		}
		const address = webUrl.safeParse(link.url);
		if (!address.success) problems.push(`Bad link: ${url} “${link.url}”: ${address.error.issues[0]!.message}.`);
		const flag = checkFlag(link.complete, linkColumns.complete.header(link.n));
		if (flag) problems.push(flag);
		if (link.name.length > 200) problems.push(`${linkColumns.name.header(link.n)} is longer than 200 characters.`);
		if (address.success && !flag) links.push({ url: address.data, title: link.name || address.data, complete: link.complete === '1' });
	}
	return { links, problems };
}

/** Judges one row; `planned` holds the new coachees earlier rows of the chunk add. */
function judge(row: RowFields, line: number, lookups: ChunkLookups, planned: ReadonlyMap<string, PlannedRow['coachee']>, seen: ReadonlyMap<string, number>): { plan: PlannedRow } | { reason: string } {
	const problems: string[] = [];
	const keep = <T>(value: T | string): T | null => {
		if (typeof value === 'string') {
			problems.push(value);
			return null;
		}
		return value;
	};
	const coachee = keep(coacheeOf(row, lookups, planned));
	const coach = keep(coachOf(row, lookups));
	const template = keep(templateOf(row, lookups));
	const startProblem = checkDate(row.startsOn, importColumns.startDate.header, true);
	const endProblem = checkDate(row.endsOn, importColumns.endDate.header, false);
	for (const problem of [startProblem, endProblem]) if (problem) problems.push(problem);
	if (!startProblem && !endProblem && row.endsOn && row.endsOn < row.startsOn) problems.push(`${importColumns.endDate.header} ${row.endsOn} is before the start date ${row.startsOn}.`);
	const status = parseStatus(row.status);
	if (!status) problems.push(`${importColumns.status.header} “${row.status}” is not Draft or Active.`);
	const sharedProblem = checkFlag(row.shared, importColumns.isShared.header);
	if (sharedProblem) problems.push(sharedProblem);
	if (row.title.length > 200) problems.push(`${importColumns.engagementName.header} is longer than 200 characters.`);
	const { links, problems: linkProblems } = linksOf(row);
	problems.push(...linkProblems);
	if (problems.length || !coachee || !coach || !template || !status) return { reason: problems.join(' ') };

	const dedupeKey = dedupeKeyOf(row);
	const earlierLine = seen.get(dedupeKey);
	if (earlierLine !== undefined) return { reason: `Duplicate of line ${earlierLine}: the same coachee, program template and start date.` };
	if ('existing' in coachee && lookups.existing.has(existingKey(coachee.existing.id, template.id, row.startsOn))) {
		return { reason: `Duplicate: ${row.email} already has an engagement from “${template.name}” starting ${row.startsOn}.` };
	}
	return {
		plan: {
			line,
			email: row.email,
			coachee,
			coach,
			template,
			title: row.title || template.name,
			startsOn: row.startsOn,
			endsOn: row.endsOn || null,
			status,
			shared: row.shared === '1',
			links,
			dedupeKey
		}
	};
}

/** Judges a chunk's rows in file order: a later row repeating an earlier created one (in
 * this chunk or before) is a duplicate, and a new coachee named twice is added once. */
export function planChunk(map: ColumnMap, rows: readonly { line: number; cells: string[] }[], lookups: ChunkLookups): RowOutcome[] {
	const seen = new Map(lookups.earlier);
	const planned = new Map<string, PlannedRow['coachee']>();
	return rows.map(({ line, cells }) => {
		const row = readRow(map, cells);
		const verdict = judge(row, line, lookups, planned, seen);
		if ('reason' in verdict) return { line, email: row.email, cells, ok: false, reason: verdict.reason };
		seen.set(verdict.plan.dedupeKey, line);
		if ('new' in verdict.plan.coachee) planned.set(row.email, verdict.plan.coachee);
		return { line, email: row.email, cells, ok: true, plan: verdict.plan };
	});
}
