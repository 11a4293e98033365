/**
 * Export Engagements (assign-and-manage-engagements.txt, "Export Engagements"), for admins
 * and coaches: the Export page (its filter choices and one's recent exports), starting an
 * export (its job row, then chunk 0 on the queue: job.ts), one export's progress, and its
 * download, a 5-minute link minted only for the person who asked.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { fullName } from '../auth/service';
import { engagementExports, people } from '../db/tenant/schema';
import { filterChoiceQueries, shapeFilterChoices } from '../engagements/engagements';
import { conflict, fieldError, notFound } from '../errors';
import { hasRole, type TenantScope } from '../tenancy/scope';
import { scheduleTenantWork } from '../tenancy/service';
import { enqueueChunk, exportFileKey, stallMs } from './job';
import { countMatching } from './rows';
import { describeFilters, type NewExport } from '../../exports/schema';
import { isUnderway } from '../../long-jobs/schema';

/** How long a download link works: long enough to start the download, too short to pass around. */
export const downloadLinkSeconds = 5 * 60;
const recentLimit = 10;

const filterCoach = alias(people, 'filter_coach');
const filterCoachee = alias(people, 'filter_coachee');

/** One's exports with the names their filters mention, for a page's batch. */
function ownExportsQuery(scope: TenantScope) {
	return scope.db
		.select({
			job: engagementExports,
			coachFirstName: filterCoach.firstName,
			coachLastName: filterCoach.lastName,
			coacheeFirstName: filterCoachee.firstName,
			coacheeLastName: filterCoachee.lastName
		})
		.from(engagementExports)
		.leftJoin(filterCoach, eq(filterCoach.id, sql`json_extract(${engagementExports.filters}, '$.coachId')`))
		.leftJoin(filterCoachee, eq(filterCoachee.id, sql`json_extract(${engagementExports.filters}, '$.coacheeId')`))
		.$dynamic();
}

type OwnExportRow = Awaited<ReturnType<typeof ownExportsQuery>>[number];

const nameOf = (first: string | null, last: string | null) => (first === null || last === null ? null : fullName({ firstName: first, lastName: last }));

/** What a page shows of an export; `downloadable` while its file is kept. */
function shapeExport({ job, ...names }: OwnExportRow, now: Date) {
	return {
		id: job.id,
		status: job.status,
		shape: job.shape,
		filters: job.filters,
		described: describeFilters(job.filters, { coach: nameOf(names.coachFirstName, names.coachLastName), coachee: nameOf(names.coacheeFirstName, names.coacheeLastName) }),
		totalEngagements: job.totalEngagements ?? 0,
		engagementsDone: job.engagementsDone,
		rowsWritten: job.rowsWritten,
		sizeBytes: job.sizeBytes,
		error: job.error,
		createdAt: job.createdAt.toISOString(),
		finishedAt: job.finishedAt?.toISOString() ?? null,
		expiresAt: job.expiresAt?.toISOString() ?? null,
		downloadable: downloadable(job, now)
	};
}

const downloadable = (job: typeof engagementExports.$inferSelect, now: Date) => job.status === 'finished' && job.expiresAt !== null && job.expiresAt > now && job.sizeBytes > 0;

/** The Export page: the filter choices and one's recent exports, one batch. */
export async function exportPage(scope: TenantScope, chosenCoacheeId: string | undefined) {
	const [coaches, coachees, recent] = await scope.db.batch([
		...filterChoiceQueries(scope, chosenCoacheeId),
		ownExportsQuery(scope).where(eq(engagementExports.requestedBy, scope.personId)).orderBy(desc(engagementExports.createdAt)).limit(recentLimit)
	]);
	const now = scope.platform.clock.now();
	return { ...shapeFilterChoices(coaches, coachees), recent: recent.map((row) => shapeExport(row, now)) };
}

/** The same answer for someone else's export as for none at all. */
const missing = () => notFound('That export is not one of yours. It may have been deleted; start a new one from Engagements > Export.');

async function ownExport(scope: TenantScope, exportId: string) {
	const [row] = await ownExportsQuery(scope).where(and(eq(engagementExports.id, exportId), eq(engagementExports.requestedBy, scope.personId)));
	if (!row) throw missing();
	return row;
}

export async function getExport(scope: TenantScope, exportId: string) {
	const row = shapeExport(await ownExport(scope, exportId), scope.platform.clock.now());
	return { ...row, underway: isUnderway(row.status) };
}

/** "Export": a coach exports what they coach (never a Draft, never another coach's). */
export async function startExport(scope: TenantScope, { shape, ...filters }: NewExport) {
	if (!hasRole(scope, 'admin')) {
		if (filters.coachId && filters.coachId !== scope.personId) throw fieldError('coachId', 'You can export only the engagements you coach.');
		if (filters.status === 'draft') throw fieldError('status', 'Drafts are seen by admins only; pick Active or Completed.');
	}
	const id = crypto.randomUUID();
	const now = scope.platform.clock.now();
	// Booked first: if chunk 0's message is lost, the due work sends it again.
	await scheduleTenantWork(scope.platform, scope.tenant.id, new Date(now.getTime() + stallMs));
	await scope.db.insert(engagementExports).values({
		id,
		requestedBy: scope.personId,
		filters,
		shape,
		totalEngagements: sql`(${countMatching(scope, filters)})`,
		createdAt: now,
		updatedAt: now
	});
	await enqueueChunk(scope.platform, scope.tenant.id, id, 0);
	return { id };
}

/** "Download CSV": a link to the file that works for 5 minutes, for the requester only. */
export async function downloadLink(scope: TenantScope, exportId: string) {
	const { job } = await ownExport(scope, exportId);
	const now = scope.platform.clock.now();
	if (!downloadable(job, now)) {
		throw job.status === 'finished'
			? conflict('This export has expired and its file was deleted. Start a new export to get the engagements as they are now.')
			: conflict('This export is not ready yet. Wait for it to finish, then download it.');
	}
	const url = await scope.platform.fileLinks.downloadUrl(exportFileKey(scope.tenant.id, job.id), {
		name: `engagements-${job.createdAt.toISOString().slice(0, 10)}.csv`,
		contentType: 'text/csv; charset=utf-8',
		inline: false,
		expiresInSeconds: downloadLinkSeconds
	});
	return { url };
}
