/**
 * Recurring actions: a series (its rule, action_series) and one action per occurrence, each
 * with its own progress. Occurrences are created ahead, up to `occurrenceHorizonDays` past
 * the coachee's today, so the coachee sees the coming fortnight and the week's list is
 * complete; the rest are created by the `recurringActionsDueWork` provider as their day
 * comes within the horizon.
 *
 * Dates are the coachee's calendar days (recurrence.ts lays them out); the coachee's zone,
 * read at each visit, decides when their day begins and so when the next occurrence is due.
 * A changed zone applies to later occurrences; created ones keep their day.
 *
 * Safe to repeat and to run twice at once: the unique (series_id, due_on) index makes a
 * second insert of an occurrence a no-op, and `next_on` moves only from the value this run
 * read.
 */
import { and, asc, eq, gt, isNotNull, lte, min, sql } from 'drizzle-orm';
import { addDays, startOfDayIn, todayIn } from '../../time-zones';
import { dueAtFor } from './due';
import type { TenantDb } from '../db';
import { actions, actionSeries, people } from '../db/tenant/schema';
import type { DueWorkProvider, DueWorkScope } from '../jobs/due-work';
import { scheduleTenantWork } from '../tenancy/service';
import type { TenantScope } from '../tenancy/scope';
import { firstOccurrenceAfter, occurrences } from './recurrence';

/** Two weeks: this week's and next week's occurrences are always there to see. */
export const occurrenceHorizonDays = 14;

/** Series per round trip in the due work: one batch of inserts stays well inside Turso's
 * statement limits (a daily series adds at most one row per day since the last visit). */
const seriesPerBatch = 100;

type Series = Pick<typeof actionSeries.$inferSelect, 'id' | 'coacheeId' | 'milestoneId' | 'title' | 'rule' | 'startsOn' | 'createdBy'>;

/** The last day that already has its occurrences, for someone in `zone`. */
const horizonEnd = (zone: string, now: Date) => addDays(todayIn(zone, now), occurrenceHorizonDays);

/** When the occurrence on `date` comes within the horizon: the start of that day in `zone`. */
const creationDueAt = (date: string, zone: string) => startOfDayIn(addDays(date, -occurrenceHorizonDays), zone);

/** The occurrences from `from` through the horizon (through `from` at least), and the one after them. */
function layOut(series: Series, from: string, zone: string, now: Date) {
	const horizon = horizonEnd(zone, now);
	const through = from > horizon ? from : horizon;
	return { dates: occurrences(series.rule, series.startsOn, from, through), nextOn: firstOccurrenceAfter(series.rule, series.startsOn, through) };
}

function occurrenceRows(series: Series, dates: string[], position: number, zone: string, now: Date): (typeof actions.$inferInsert)[] {
	return dates.map((dueOn) => ({
		id: crypto.randomUUID(),
		coacheeId: series.coacheeId,
		milestoneId: series.milestoneId,
		seriesId: series.id,
		title: series.title,
		dueOn,
		dueAt: dueAtFor(dueOn, zone),
		progress: 0,
		position,
		createdBy: series.createdBy,
		createdAt: now,
		updatedAt: now
	}));
}

export interface NewRecurringAction {
	coachee: { id: string; timeZone: string };
	milestoneId: string | null;
	title: string;
	/** The first occurrence: the action's Due Date. */
	startsOn: string;
	/** From `ruleFor`, which makes sure `startsOn` is an occurrence. */
	rule: string;
	createdBy: string;
	position: number;
}

/** Saves the series with its occurrences up to the horizon (the first one at least), and
 * books the tenant's next visit for when the following occurrence comes within it. */
export async function startRecurringAction(
	scope: Pick<TenantScope, 'platform' | 'db' | 'tenant'>,
	input: NewRecurringAction
): Promise<{ seriesId: string; firstActionId: string; created: number }> {
	const now = scope.platform.clock.now();
	const series: Series = { id: crypto.randomUUID(), coacheeId: input.coachee.id, milestoneId: input.milestoneId, title: input.title, rule: input.rule, startsOn: input.startsOn, createdBy: input.createdBy };
	const { dates, nextOn } = layOut(series, input.startsOn, input.coachee.timeZone, now);
	if (dates[0] !== input.startsOn) throw new Error(`startRecurringAction: ${input.startsOn} is not an occurrence of "${input.rule}"; build the rule with ruleFor.`);
	const rows = occurrenceRows(series, dates, input.position, input.coachee.timeZone, now);
	// The visit is booked first: if the series is then not saved, the visit finds nothing to
	// do; the other order could leave a saved series that no visit ever comes for.
	if (nextOn) await scheduleTenantWork(scope.platform, scope.tenant.id, creationDueAt(nextOn, input.coachee.timeZone));
	await scope.db.batch([scope.db.insert(actionSeries).values({ ...series, nextOn, createdAt: now }), scope.db.insert(actions).values(rows)]);
	return { seriesId: series.id, firstActionId: rows[0]!.id, created: rows.length };
}

// ---- Due work ------------------------------------------------------------------------------

/** Open series whose next occurrence may be due by `latest`, after `afterId` in id order,
 * with the coachee's zone and the position their occurrences take (the latest one's). */
function openSeriesPage(db: TenantDb, latest: string, afterId: string) {
	return db
		.select({
			id: actionSeries.id,
			coacheeId: actionSeries.coacheeId,
			milestoneId: actionSeries.milestoneId,
			title: actionSeries.title,
			rule: actionSeries.rule,
			startsOn: actionSeries.startsOn,
			createdBy: actionSeries.createdBy,
			nextOn: actionSeries.nextOn,
			timeZone: people.timeZone,
			position: sql<number | null>`(select ${actions.position} from ${actions} where ${actions.seriesId} = ${actionSeries.id} order by ${actions.dueOn} desc limit 1)`
		})
		.from(actionSeries)
		.innerJoin(people, eq(people.id, actionSeries.coacheeId))
		.where(and(isNotNull(actionSeries.nextOn), lte(actionSeries.nextOn, latest), gt(actionSeries.id, afterId)))
		.orderBy(asc(actionSeries.id))
		.limit(seriesPerBatch);
}

type OpenSeries = Awaited<ReturnType<typeof openSeriesPage>>[number];

/** The writes that create a series' due occurrences and move its `next_on` on. */
function occurrenceWrites(db: TenantDb, series: OpenSeries, now: Date) {
	const from = series.nextOn;
	if (!from || from > horizonEnd(series.timeZone, now)) return [];
	const { dates, nextOn } = layOut(series, from, series.timeZone, now);
	const rows = occurrenceRows(series, dates, series.position ?? 0, series.timeZone, now);
	return [
		...(rows.length > 0 ? [db.insert(actions).values(rows).onConflictDoNothing()] : []),
		db
			.update(actionSeries)
			.set({ nextOn })
			.where(and(eq(actionSeries.id, series.id), eq(actionSeries.nextOn, from)))
	];
}

async function createDueOccurrences({ db, platform }: DueWorkScope) {
	const now = platform.clock.now();
	// No zone is more than 14 hours ahead of UTC, so no one's horizon ends later than this.
	const latest = addDays(todayIn('UTC', now), occurrenceHorizonDays + 1);
	let afterId = '';
	for (;;) {
		const page = await openSeriesPage(db, latest, afterId);
		const [first, ...rest] = page.flatMap((series) => occurrenceWrites(db, series, now));
		if (first) await db.batch([first, ...rest]);
		if (page.length < seriesPerBatch) return;
		afterId = page.at(-1)!.id;
	}
}

/** The earliest moment an open series' next occurrence comes within its coachee's horizon. */
async function nextOccurrenceDue({ db }: DueWorkScope): Promise<Date | null> {
	const soonestPerZone = await db
		.select({ zone: people.timeZone, nextOn: min(actionSeries.nextOn) })
		.from(actionSeries)
		.innerJoin(people, eq(people.id, actionSeries.coacheeId))
		.where(isNotNull(actionSeries.nextOn))
		.groupBy(people.timeZone);
	const instants = soonestPerZone.flatMap(({ zone, nextOn }) => (nextOn ? [creationDueAt(nextOn, zone).getTime()] : []));
	return instants.length > 0 ? new Date(Math.min(...instants)) : null;
}

export const recurringActionsDueWork: DueWorkProvider = { name: 'recurring actions', run: createDueOccurrences, nextDueAt: nextOccurrenceDue };
