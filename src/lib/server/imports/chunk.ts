/**
 * The `import.chunk` job: one chunk of a Bulk Create's file, read from file storage from
 * the import's cursor, judged in one batch of lookups (rows.ts), and applied in one write
 * batch that also records every row's outcome and moves the cursor. Then the alerts, and
 * the next chunk's message (or the end: the requester's notification).
 *
 * Exactly once: (import, line) is the primary key of `engagement_import_rows`, written in
 * the same batch as the engagements, so a chunk delivered twice or twice at once makes its
 * rows once; the loser's batch fails whole on that key. A delivery that finds the cursor
 * past its chunk only makes sure the next chunk is on its way (the resume after a crash
 * between the commit and the enqueue); one that finds it behind does nothing.
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { fullName } from '../auth/service';
import { activityStatements } from '../activity/service';
import type { TenantDb } from '../db';
import { engagementImportRows, engagementImports, engagementItems, engagements, people, programTemplates } from '../db/tenant/schema';
import { activeActivity, announceActive, chunked, engagementRow, itemRowsOf, programContents, type NewEngagementRow } from '../engagements/engagements';
import { visibleEngagements } from '../engagements/access';
import { referenceQueries, resolveWith, type ResolvedItem } from '../engagements/item-content';
import { DomainError, constraintViolation, domainErrorIn } from '../errors';
import { RetryableJobError } from '../jobs/errors';
import { enqueue, type JobMessageOf } from '../jobs/messages';
import { notify } from '../notifications/service';
import type { Platform } from '../platform/ports';
import { visiblePrograms } from '../programs/access';
import { actingScope, openJobBase, type JobBase } from '../tenancy/acting';
import type { TenantScope } from '../tenancy/scope';
import { scheduleTenantWork } from '../tenancy/service';
import { readCsvChunk, rowsPerChunk, type CsvRow } from './csv-reader';
import { dedupeKeyOf, existingKey, planChunk, readRow, templateKey, type ChunkLookups, type KnownTemplate, type PlannedRow, type RowOutcome } from './rows';
import { can } from '../../permissions';
import { engagementPaths } from '../../engagements/paths';
import { mapColumns, type ColumnMap } from '../../imports/schema';

type ImportRow = typeof engagementImports.$inferSelect;
type ChunkMessage = Omit<JobMessageOf<'import.chunk'>, 'type'>;

export const chunkMessage = (tenantId: string, importId: string, chunk: number): ChunkMessage => ({ tenantId, importId, chunk, idempotencyKey: `import:${importId}:${chunk}` });

export async function runImportChunk(platform: Platform, message: ChunkMessage): Promise<void> {
	const base = await openJobBase(platform, message.tenantId);
	if (!base) return;
	const job = await readImport(base.db, message.importId);
	if (!job || !underway(job) || job.chunksDone < message.chunk) return;
	if (job.chunksDone > message.chunk) return resume(base, job, message.chunk);
	try {
		await applyChunk(base, job, message.chunk);
	} catch (error) {
		if (constraintViolation(error) === 'unique') return afterLostRace(base, message);
		const domain = domainErrorIn(error);
		if (!domain) throw error;
		await stop(base, job, domain.message);
	}
}

const underway = (job: ImportRow) => job.status === 'queued' || job.status === 'running';

async function readImport(db: TenantDb, importId: string): Promise<ImportRow | undefined> {
	return db.query.engagementImports.findFirst({ where: eq(engagementImports.id, importId) });
}

/** Chunk `chunk` is committed: make sure the next one is on its way. */
async function resume(base: JobBase, job: ImportRow, chunk: number) {
	if (underway(job) && job.chunksDone === chunk + 1) await enqueue(base.platform, 'import.chunk', chunkMessage(base.tenant.id, job.id, chunk + 1));
}

/** Another delivery of the chunk committed first (or a coachee's email was taken meanwhile):
 * read again and act as a late delivery, or try the chunk again with fresh lookups. */
async function afterLostRace(base: JobBase, message: ChunkMessage) {
	const job = await readImport(base.db, message.importId);
	if (job && job.chunksDone > message.chunk) return resume(base, job, message.chunk);
	throw new RetryableJobError('Bulk Create chunk collided with another write; trying it again.', 1);
}

const requesterGone = 'Stopped: the admin who started this Bulk Create is no longer an active admin of the workspace, so nothing more was created.';

async function applyChunk(base: JobBase, job: ImportRow, chunk: number) {
	const scope = await actingScope(base, job.requestedBy);
	if (!scope || !can(scope.roles, 'engagements.bulkCreate')) throw new DomainError('forbidden', requesterGone);
	const read = await readCsvChunk(base.platform.files, job.fileKey, { offset: job.cursorOffset, line: job.cursorLine, delimiter: job.delimiter }, rowsPerChunk);
	const map = mapColumns(job.columns);
	const lookups = await lookUp(scope, job, map, read.rows);
	const outcomes = planChunk(map, read.rows, lookups);
	const now = base.platform.clock.now();
	const actor = fullName(await scope.me());
	const made = writesOf(scope, outcomes, actor, now);
	const ending = read.error ? 'failed' : read.done ? 'finished' : null;
	const created = outcomes.filter((o) => o.ok).length;
	// One transaction: the cursor moves only with the rows, and (import, line) refuses a second write of any row.
	const [moved] = await scope.db.batch([
		scope.db
			.update(engagementImports)
			.set({
				status: ending ?? 'running',
				chunksDone: chunk + 1,
				cursorOffset: read.nextOffset,
				cursorLine: read.lastLine,
				rowsRead: sql`${engagementImports.rowsRead} + ${outcomes.length}`,
				rowsCreated: sql`${engagementImports.rowsCreated} + ${created}`,
				rowsRejected: sql`${engagementImports.rowsRejected} + ${outcomes.length - created}`,
				error: read.error ? unreadableLine(read.error) : null,
				finishedAt: ending ? now : null,
				updatedAt: now
			})
			.where(and(eq(engagementImports.id, job.id), eq(engagementImports.chunksDone, chunk)))
			.returning({ id: engagementImports.id }),
		...made.statements,
		...chunked(outcomes.map((outcome) => importRowOf(job.id, outcome, made.engagementIdOf))).map((rows) => scope.db.insert(engagementImportRows).values(rows))
	]);
	// A chunk without rows has no key to collide on: the cursor alone tells a late twin.
	if (!moved.length) return resume(base, (await readImport(base.db, job.id))!, chunk);
	const active = made.engagements.filter((e) => e.status === 'active');
	if (active.length) {
		await announceActive(scope, active, actor);
		await scheduleTenantWork(base.platform, base.tenant.id, now);
	}
	if (!ending) return enqueue(base.platform, 'import.chunk', chunkMessage(base.tenant.id, job.id, chunk + 1));
	// Every row's outcome (and a rejected row's cells) is in the database now: the file, full
	// of people's emails, is kept no longer than it is needed.
	await base.platform.files.delete(job.fileKey);
	await tellRequester(scope, job.id);
}

const unreadableLine = (error: { line: number; message: string }) =>
	`Stopped at line ${error.line}: ${error.message} The rows before it were handled as listed.`;

// ---- The chunk's one batch of lookups ------------------------------------------------------

const some = (values: Iterable<string>) => {
	const list = [...new Set(values)].filter(Boolean);
	return list.length ? list : [''];
};

/** Everything the chunk's rows need to be judged, in one round trip. Templates are read
 * whole (a library holds tens) and matched by name here: SQLite's lower() folds ASCII only. */
async function lookUp(scope: TenantScope, job: ImportRow, map: ColumnMap, rows: CsvRow[]): Promise<ChunkLookups> {
	const fields = rows.map((row) => readRow(map, row.cells));
	const emails = some(fields.flatMap((f) => [f.email, f.coachEmail]));
	// One field of every item of the templates the admin may use: what the items refer to.
	const itemField = (path: '$.assessmentTemplateId' | '$.fileId') =>
		scope.db
			.select({ value: sql`json_extract(j.value, ${path})` })
			.from(sql`${programTemplates}, json_each(${programTemplates.items}) as j`)
			.where(visiblePrograms(scope));
	const [found, library, assessments, pickable, earlier, existing] = await scope.db.batch([
		scope.db
			.select({ id: people.id, email: people.email, firstName: people.firstName, lastName: people.lastName, roles: people.roles, status: people.status, timeZone: people.timeZone })
			.from(people)
			.where(inArray(people.email, emails)),
		scope.db.select().from(programTemplates).where(visiblePrograms(scope)),
		...referenceQueries(scope, itemField('$.assessmentTemplateId'), itemField('$.fileId')),
		scope.db
			.select({ line: engagementImportRows.line, dedupeKey: engagementImportRows.dedupeKey })
			.from(engagementImportRows)
			.where(and(eq(engagementImportRows.importId, job.id), inArray(engagementImportRows.dedupeKey, some(fields.map(dedupeKeyOf))))),
		scope.db
			.select({ coacheeId: engagements.coacheeId, programTemplateId: engagements.programTemplateId, startsOn: engagements.startsOn })
			.from(engagements)
			.where(
				and(
					inArray(engagements.coacheeId, scope.db.select({ id: people.id }).from(people).where(inArray(people.email, emails))),
					inArray(engagements.startsOn, some(fields.map((f) => f.startsOn))),
					isNotNull(engagements.programTemplateId),
					visibleEngagements(scope)
				)
			)
	]);
	const templates = new Map<string, KnownTemplate[]>();
	for (const template of library) {
		const known: KnownTemplate = { id: template.id, name: template.name, archived: template.archivedAt !== null, items: itemsOf(template, [assessments, pickable]) };
		templates.set(templateKey(template.name), [...(templates.get(templateKey(template.name)) ?? []), known]);
	}
	return {
		people: new Map(found.map((person) => [person.email, person])),
		templates,
		existing: new Set(existing.map((e) => existingKey(e.coacheeId, e.programTemplateId!, e.startsOn))),
		earlier: new Map(earlier.map((row) => [row.dedupeKey!, row.line]))
	};
}

function itemsOf(template: typeof programTemplates.$inferSelect, references: Parameters<typeof resolveWith>[1]): ResolvedItem[] | string {
	try {
		return resolveWith(programContents(template.items), references);
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		return `An item of the program template “${template.name}” uses an assessment or a file that cannot be sent any more. Fix the template, then upload this row again.`;
	}
}

// ---- The chunk's one write batch -------------------------------------------------------------

/** The new coachees, engagements, items and activity lines of a chunk's good rows. */
function writesOf(scope: TenantScope, outcomes: RowOutcome[], actor: string, now: Date) {
	const plans = outcomes.flatMap((o) => (o.ok ? [o.plan] : []));
	const newCoachees = new Map<string, typeof people.$inferInsert & { id: string }>();
	const coacheeIdOf = (plan: PlannedRow) => {
		if ('existing' in plan.coachee) return plan.coachee.existing.id;
		let person = newCoachees.get(plan.email);
		if (!person) {
			person = { id: crypto.randomUUID(), email: plan.email, ...plan.coachee.new, roles: ['coachee'], status: 'not_invited', coachId: plan.coach.id, createdAt: now };
			newCoachees.set(plan.email, person);
		}
		return person.id;
	};
	const byLine = new Map<number, NewEngagementRow>();
	const items: ReturnType<typeof itemRowsOf> = [];
	for (const plan of plans) {
		const engagement = engagementRow(
			scope,
			{ coacheeId: coacheeIdOf(plan), coachId: plan.coach.id, title: plan.title, programTemplateId: plan.template.id, status: plan.status, shared: plan.shared, startsOn: plan.startsOn, endsOn: plan.endsOn },
			now
		);
		byLine.set(plan.line, engagement);
		items.push(...itemRowsOf(scope, engagement, [...plan.template.items, ...plan.links.map(linkItem)], now));
	}
	const made = [...byLine.values()];
	const added = [...newCoachees.values()].flatMap((person) =>
		activityStatements(scope.db, { personId: person.id, kind: 'added', summary: `Added by ${actor} (Bulk Create)`, actorId: scope.personId }, now)
	);
	const started = made.filter((e) => e.status === 'active').flatMap((e) => activeActivity(scope, e, actor, now));
	return {
		engagements: made,
		engagementIdOf: (line: number) => byLine.get(line)?.id ?? null,
		statements: [
			...chunked([...newCoachees.values()], 200).map((rows) => scope.db.insert(people).values(rows)),
			...chunked(made, 200).map((rows) => scope.db.insert(engagements).values(rows)),
			...chunked(items).map((rows) => scope.db.insert(engagementItems).values(rows)),
			...added,
			...started
		]
	};
}

const linkItem = (link: PlannedRow['links'][number]): ResolvedItem & { completed: boolean } => ({ kind: 'link', title: link.title, details: { kind: 'link', url: link.url }, completed: link.complete });

function importRowOf(importId: string, outcome: RowOutcome, engagementIdOf: (line: number) => string | null): typeof engagementImportRows.$inferInsert {
	if (outcome.ok) return { importId, line: outcome.line, outcome: 'created', engagementId: engagementIdOf(outcome.line), coacheeEmail: outcome.email, dedupeKey: outcome.plan.dedupeKey };
	return { importId, line: outcome.line, outcome: 'rejected', coacheeEmail: outcome.email || null, reason: outcome.reason, cells: outcome.cells };
}

// ---- The end -------------------------------------------------------------------------------

/** Ends an import that cannot go on, keeping what it made. */
async function stop(base: JobBase, job: ImportRow, message: string) {
	const now = base.platform.clock.now();
	const [stopped] = await base.db
		.update(engagementImports)
		.set({ status: 'failed', error: message, finishedAt: now, updatedAt: now })
		.where(and(eq(engagementImports.id, job.id), inArray(engagementImports.status, ['queued', 'running'])))
		.returning({ id: engagementImports.id });
	if (!stopped) return;
	await base.platform.files.delete(job.fileKey);
	await tellRequester(base, job.id);
}

/** The requester hears how it ended, with a link to the result. */
async function tellRequester(scope: JobBase, importId: string) {
	const job = await readImport(scope.db, importId);
	if (!job) return;
	const made = `${job.rowsCreated.toLocaleString('en')} engagement${job.rowsCreated === 1 ? '' : 's'} created`;
	const rejected = job.rowsRejected ? `, ${job.rowsRejected.toLocaleString('en')} row${job.rowsRejected === 1 ? '' : 's'} rejected` : '';
	await notify(scope, {
		recipientId: job.requestedBy,
		kind: 'bulk_create_finished',
		title: job.status === 'failed' ? `Bulk Create of “${job.fileName}” stopped` : `Bulk Create of “${job.fileName}” finished`,
		body: `${made}${rejected}.${job.status === 'failed' && job.error ? ` ${job.error}` : ''} Open it to see every rejected row and why.`,
		link: engagementPaths.bulkImport(job.id)
	});
}
