/**
 * What an export file holds: the engagements its filters match among those the requester
 * may see (access.ts), walked in (start date, id) order by keyset, and their CSV lines in
 * either shape. Every cell goes through csv/write.ts (RFC 4180, CRLF, formula cells
 * neutralised); the first part of the file starts with the BOM and the header.
 */
import { and, asc, count, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { fullName } from '../auth/service';
import { csvRows, utf8Bom, type CsvCell } from '../csv/write';
import { engagementItems, engagements, people } from '../db/tenant/schema';
import { visibleEngagements } from '../engagements/access';
import { itemStateOf } from '../engagements/items';
import type { TenantScope } from '../tenancy/scope';
import { engagementStatusLabels, itemKindLabels, itemStateLabels } from '../../engagements/schema';
import type { ExportFilters, ExportShape } from '../../exports/schema';
import { todayIn } from '../../time-zones';

/** Engagements per chunk: one queue message, one read batch, one part of the file. */
export const chunkSize = 500;

/** Where the next chunk starts: after this engagement, or nothing left (`end`). */
export type ExportCursor = { startsOn: string; id: string } | { end: true };

export const parseCursor = (text: string | null): ExportCursor | null => (text ? (JSON.parse(text) as ExportCursor) : null);
export const isEnd = (cursor: ExportCursor | null): cursor is { end: true } => cursor !== null && 'end' in cursor;

const coachee = alias(people, 'coachee');
const coach = alias(people, 'coach');

/** The engagements `filters` match among those the person may see now. */
export function matchingEngagements(scope: TenantScope, filters: ExportFilters): SQL {
	return and(
		visibleEngagements(scope),
		filters.from ? gte(engagements.startsOn, filters.from) : undefined,
		filters.to ? lte(engagements.startsOn, filters.to) : undefined,
		filters.coachId ? eq(engagements.coachId, filters.coachId) : undefined,
		filters.coacheeId ? eq(engagements.coacheeId, filters.coacheeId) : undefined,
		filters.status ? eq(engagements.status, filters.status) : undefined
	)!;
}

/** How many engagements the export will hold (progress's denominator), as a subquery. */
export const countMatching = (scope: TenantScope, filters: ExportFilters) =>
	scope.db.select({ n: count() }).from(engagements).where(matchingEngagements(scope, filters));

function afterCursor(cursor: ExportCursor | null): SQL | undefined {
	if (!cursor || isEnd(cursor)) return undefined;
	return sql`(${engagements.startsOn}, ${engagements.id}) > (${cursor.startsOn}, ${cursor.id})`;
}

/** The next chunk's engagements with their people, and their items: one batch. One more
 * engagement than a chunk is read, to know whether this chunk is the last. */
export async function readChunk(scope: TenantScope, filters: ExportFilters, cursor: ExportCursor | null) {
	const where = and(matchingEngagements(scope, filters), afterCursor(cursor));
	const order = [asc(engagements.startsOn), asc(engagements.id)];
	const chunkIds = scope.db.select({ id: engagements.id }).from(engagements).where(where).orderBy(...order).limit(chunkSize);
	const [found, items] = await scope.db.batch([
		scope.db
			.select({
				id: engagements.id,
				title: engagements.title,
				status: engagements.status,
				shared: engagements.shared,
				startsOn: engagements.startsOn,
				endsOn: engagements.endsOn,
				coacheeFirstName: coachee.firstName,
				coacheeLastName: coachee.lastName,
				coacheeEmail: coachee.email,
				coacheeZone: coachee.timeZone,
				coachFirstName: coach.firstName,
				coachLastName: coach.lastName,
				coachEmail: coach.email
			})
			.from(engagements)
			.innerJoin(coachee, eq(coachee.id, engagements.coacheeId))
			.innerJoin(coach, eq(coach.id, engagements.coachId))
			.where(where)
			.orderBy(...order)
			.limit(chunkSize + 1),
		scope.db
			.select({
				engagementId: engagementItems.engagementId,
				position: engagementItems.position,
				kind: engagementItems.kind,
				title: engagementItems.title,
				scheduledAt: engagementItems.scheduledAt,
				completedAt: engagementItems.completedAt,
				deliveredAt: engagementItems.deliveredAt
			})
			.from(engagementItems)
			.where(inArray(engagementItems.engagementId, chunkIds))
			.orderBy(asc(engagementItems.engagementId), asc(engagementItems.position))
	]);
	const rows = found.slice(0, chunkSize);
	const itemsOf = new Map<string, typeof items>();
	for (const item of items) {
		const theirs = itemsOf.get(item.engagementId);
		if (theirs) theirs.push(item);
		else itemsOf.set(item.engagementId, [item]);
	}
	const last = rows.at(-1);
	return {
		engagements: rows.map((row) => ({ ...row, items: itemsOf.get(row.id) ?? [] })),
		next: found.length > chunkSize && last ? ({ startsOn: last.startsOn, id: last.id } satisfies ExportCursor) : ({ end: true } satisfies ExportCursor)
	};
}

export type ChunkEngagement = Awaited<ReturnType<typeof readChunk>>['engagements'][number];
type ChunkItem = ChunkEngagement['items'][number];

const engagementHeader = ['Engagement', 'Coachee', 'Coachee email', 'Coach', 'Coach email', 'Status', 'Shared', 'Start date', 'End date'];

export const exportHeaders: Record<ExportShape, string[]> = {
	item: [...engagementHeader, 'Item #', 'Item kind', 'Item title', 'Item state', 'Scheduled for (UTC)', 'Completed on', 'Sent on'],
	engagement: [...engagementHeader, 'Items', 'Items completed', 'Next scheduled item (UTC)']
};

function engagementCells(engagement: ChunkEngagement): CsvCell[] {
	return [
		engagement.title,
		fullName({ firstName: engagement.coacheeFirstName, lastName: engagement.coacheeLastName }),
		engagement.coacheeEmail,
		fullName({ firstName: engagement.coachFirstName, lastName: engagement.coachLastName }),
		engagement.coachEmail,
		engagementStatusLabels[engagement.status],
		engagement.shared ? 'Yes' : 'No',
		engagement.startsOn,
		engagement.endsOn
	];
}

/** "2026-12-01T14:00:00Z": a moment, for any spreadsheet to read. */
const utcMoment = (at: Date | null) => (at ? `${at.toISOString().slice(0, 19)}Z` : '');
/** A day in the coachee's zone, as the engagement's own dates are. */
const dayIn = (zone: string, at: Date | null) => (at ? todayIn(zone, at) : '');

const itemColumns = exportHeaders.item.length - engagementHeader.length;

function itemCells(engagement: ChunkEngagement, item: ChunkItem | undefined): CsvCell[] {
	// An engagement without items still has its row, its item cells empty.
	if (!item) return Array<CsvCell>(itemColumns).fill('');
	return [
		item.position + 1,
		itemKindLabels[item.kind],
		item.title,
		itemStateLabels[itemStateOf(item)],
		utcMoment(item.scheduledAt),
		dayIn(engagement.coacheeZone, item.completedAt),
		dayIn(engagement.coacheeZone, item.deliveredAt)
	];
}

/** The earliest time an open item is scheduled at or after `asOf` (the moment the export was asked for). */
function nextScheduled(items: ChunkItem[], asOf: Date): Date | null {
	const ahead = items.filter((item) => !item.completedAt && item.scheduledAt && item.scheduledAt >= asOf).map((item) => item.scheduledAt!);
	return ahead.length ? new Date(Math.min(...ahead.map((at) => at.getTime()))) : null;
}

function linesOf(engagement: ChunkEngagement, shape: ExportShape, asOf: Date): CsvCell[][] {
	const base = engagementCells(engagement);
	if (shape === 'engagement') {
		const done = engagement.items.filter((item) => item.completedAt).length;
		return [[...base, engagement.items.length, done, utcMoment(nextScheduled(engagement.items, asOf))]];
	}
	const items = engagement.items.length ? engagement.items : [undefined];
	return items.map((item) => [...base, ...itemCells(engagement, item)]);
}

/** One part of the file: its text and how many rows it holds. The same engagements give the
 * same bytes, so a chunk written twice writes the same part. */
export function chunkText(engagementsOfChunk: ChunkEngagement[], shape: ExportShape, asOf: Date, first: boolean) {
	const lines = engagementsOfChunk.flatMap((engagement) => linesOf(engagement, shape, asOf));
	const text = first ? utf8Bom + csvRows([exportHeaders[shape], ...lines]) : csvRows(lines);
	return { text, rows: lines.length };
}
