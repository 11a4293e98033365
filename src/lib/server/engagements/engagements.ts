/**
 * Engagements as a whole (assign-and-manage-engagements.txt): the Engagements list, "+ New"
 * (one engagement per coachee, made together, items copied from a program template), the
 * status ("Mark as Active", "Mark as Completed", "Reopen"), "Share to Coachee", the
 * spectators, and Delete. Every query carries `visibleEngagements` or `manageableEngagements`
 * (access.ts), so a list, a change and a page can never disagree about who reaches what.
 */
import { and, asc, desc, eq, inArray, isNull, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { activityStatements } from '../activity/service';
import { fullName } from '../auth/service';
import { escapeLike } from '../coachees/service';
import { coacheeGroupMembers, coacheeGroups, engagementItems, engagementSpectators, engagements, people, programTemplates } from '../db/tenant/schema';
import { DomainError, conflict, fieldError, forbidden } from '../errors';
import { notify } from '../notifications/service';
import { visiblePrograms } from '../programs/access';
import { hasRole, type Person, type TenantScope } from '../tenancy/scope';
import { scheduleTenantWork } from '../tenancy/service';
import { manageableEngagements, reachableEngagement, visibleEngagements, type Engagement } from './access';
import { cancelSessionInvitations } from './delivery';
import { resolveItemContents, type ResolvedItem } from './item-content';
import { engagementPaths } from '../../engagements/paths';
import { engagementStatusLabels, type EngagementListInput, type EngagementStatus, type ItemContent, type ItemKind, type NewEngagement, type ProgramItem } from '../../engagements/schema';
import { todayIn } from '../../time-zones';

const coachee = alias(people, 'coachee');
const coach = alias(people, 'coach');

// ---- The list --------------------------------------------------------------------------------

/** Every word typed must appear in the engagement's title or the coachee's name. */
function searchCondition(search: string | undefined): SQL | undefined {
	const words = (search ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
	if (!words.length) return undefined;
	const text = sql`lower(${engagements.title} || ' ' || ${coachee.firstName} || ' ' || ${coachee.lastName})`;
	return and(...words.map((word) => sql`${text} like ${`%${escapeLike(word)}%`} escape '\\'`));
}

/** Active authorized users, whom an admin may name on an engagement. */
const isSpectator = sql`instr(${people.roles}, '"spectator"') > 0`;

/** The tenant's active authorized users, for a page's batch (the "Spectator" picker). */
export function authorizedUsersQuery(scope: TenantScope) {
	const where = hasRole(scope, 'admin') ? and(isSpectator, eq(people.status, 'active')) : sql`1 = 0`;
	return scope.db
		.select({ id: people.id, firstName: people.firstName, lastName: people.lastName, email: people.email })
		.from(people)
		.where(where)
		.orderBy(asc(people.lastName), asc(people.firstName));
}

/** Who follows which of `engagementIds` (admins only: the others never pick spectators). */
export function spectatorsOfQuery(scope: TenantScope, engagementIds: SQLWrapper | string[]) {
	return scope.db
		.select({ engagementId: engagementSpectators.engagementId, personId: engagementSpectators.personId })
		.from(engagementSpectators)
		.where(and(inArray(engagementSpectators.engagementId, engagementIds), hasRole(scope, 'admin') ? undefined : sql`1 = 0`));
}

const isCoach = sql`instr(${people.roles}, '"coach"') > 0`;
const personFields = { id: people.id, firstName: people.firstName, lastName: people.lastName, email: people.email, status: people.status };
const named = (row: { id: string; firstName: string; lastName: string; email: string; status: Person['status'] }) => ({ id: row.id, name: fullName(row), email: row.email, status: row.status });

/** The coachees a person may make engagements for: an admin any, a coach their own. */
function ownCoachees(scope: TenantScope): SQL {
	if (hasRole(scope, 'admin')) return eq(people.isCoachee, true);
	return and(eq(people.isCoachee, true), eq(people.coachId, scope.personId))!;
}
const staffCoachees = (scope: TenantScope) => (hasRole(scope, 'admin') || hasRole(scope, 'coach') ? ownCoachees(scope) : sql`1 = 0`);

/** Admins: the active coaches (the coach filter, and "Select the coach"). */
const coachesQuery = (scope: TenantScope) =>
	scope.db
		.select(personFields)
		.from(people)
		.where(and(isCoach, eq(people.status, 'active'), hasRole(scope, 'admin') ? undefined : sql`1 = 0`))
		.orderBy(asc(people.lastName), asc(people.firstName));

export const shapeAuthorizedUsers = (rows: Awaited<ReturnType<typeof authorizedUsersQuery>>) =>
	rows.map((row) => ({ id: row.id, name: fullName(row), email: row.email }));

/** One page of the Engagements list, its total, each row's progress and spectators: one batch. */
export async function listEngagements(scope: TenantScope, query: EngagementListInput) {
	const where = and(
		visibleEngagements(scope),
		query.status ? eq(engagements.status, query.status) : undefined,
		query.coachId ? eq(engagements.coachId, query.coachId) : undefined,
		query.coacheeId ? eq(engagements.coacheeId, query.coacheeId) : undefined,
		searchCondition(query.search)
	);
	const offset = (query.page - 1) * query.pageSize;
	const pageIds = scope.db
		.select({ id: engagements.id })
		.from(engagements)
		.innerJoin(coachee, eq(coachee.id, engagements.coacheeId))
		.where(where)
		.orderBy(desc(engagements.createdAt), asc(engagements.id))
		.limit(query.pageSize)
		.offset(offset);
	const [rows, [counted], progress, spectators, authorized, coachOptions, coacheeOptions] = await scope.db.batch([
		scope.db
			.select({
				id: engagements.id,
				title: engagements.title,
				status: engagements.status,
				shared: engagements.shared,
				startsOn: engagements.startsOn,
				endsOn: engagements.endsOn,
				coachId: engagements.coachId,
				coacheeId: engagements.coacheeId,
				coacheeFirstName: coachee.firstName,
				coacheeLastName: coachee.lastName,
				coachFirstName: coach.firstName,
				coachLastName: coach.lastName
			})
			.from(engagements)
			.innerJoin(coachee, eq(coachee.id, engagements.coacheeId))
			.innerJoin(coach, eq(coach.id, engagements.coachId))
			.where(where)
			.orderBy(desc(engagements.createdAt), asc(engagements.id))
			.limit(query.pageSize)
			.offset(offset),
		scope.db
			.select({ total: sql<number>`count(*)` })
			.from(engagements)
			.innerJoin(coachee, eq(coachee.id, engagements.coacheeId))
			.where(where),
		// Items counted for the page's engagements only, grouped once (not a subquery per row).
		scope.db
			.select({
				engagementId: engagementItems.engagementId,
				total: sql<number>`count(*)`,
				done: sql<number>`count(${engagementItems.completedAt})`
			})
			.from(engagementItems)
			.where(inArray(engagementItems.engagementId, pageIds))
			.groupBy(engagementItems.engagementId),
		spectatorsOfQuery(scope, pageIds),
		authorizedUsersQuery(scope),
		...filterChoiceQueries(scope, query.coacheeId)
	]);
	return {
		rows: rows.map((row) => {
			const counts = progress.find((p) => p.engagementId === row.id);
			return {
				id: row.id,
				title: row.title,
				status: row.status,
				shared: row.shared,
				startsOn: row.startsOn,
				endsOn: row.endsOn,
				coachee: { id: row.coacheeId, name: fullName({ firstName: row.coacheeFirstName, lastName: row.coacheeLastName }) },
				coach: { id: row.coachId, name: fullName({ firstName: row.coachFirstName, lastName: row.coachLastName }) },
				items: { done: counts?.done ?? 0, total: counts?.total ?? 0 },
				spectatorIds: spectators.filter((s) => s.engagementId === row.id).map((s) => s.personId),
				canManage: hasRole(scope, 'admin') || (hasRole(scope, 'coach') && row.coachId === scope.personId)
			};
		}),
		total: counted?.total ?? 0,
		page: query.page,
		pageSize: query.pageSize,
		authorizedUsers: shapeAuthorizedUsers(authorized),
		/** What the filters offer: coaches (admins), and the coachees the person makes engagements for. */
		filters: shapeFilterChoices(coachOptions, coacheeOptions)
	};
}

/** The filters' coachees: a coach's own, the first of an admin's (the chosen one always among them). */
const filterLimit = 200;

/** The list's (and Export's) filter choices, for a page's batch: the coaches (admins) and the
 * coachees the person makes engagements for, `chosenCoacheeId` always among them. */
export function filterChoiceQueries(scope: TenantScope, chosenCoacheeId: string | undefined) {
	return [
		coachesQuery(scope),
		scope.db
			.select(personFields)
			.from(people)
			.where(staffCoachees(scope))
			.orderBy(desc(eq(people.id, chosenCoacheeId ?? '')), asc(people.lastName), asc(people.firstName))
			.limit(filterLimit)
	] as const;
}

type ChoiceRows = Awaited<ReturnType<typeof filterChoiceQueries>[number]>;

export const shapeFilterChoices = (coaches: ChoiceRows, coachees: ChoiceRows) => ({
	coaches: coaches.map(named),
	coachees: coachees.map(named).sort((a, b) => a.name.localeCompare(b.name))
});

// ---- What "+ New" offers -----------------------------------------------------------------------

const choiceLimit = 100;

function peopleSearch(search: string | undefined): SQL | undefined {
	const words = (search ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
	if (!words.length) return undefined;
	const text = sql`lower(${people.firstName} || ' ' || ${people.lastName} || ' ' || ${people.email})`;
	return and(...words.map((word) => sql`${text} like ${`%${escapeLike(word)}%`} escape '\\'`));
}

/** Step by step of "+ New": coachees (searched, and the ones already picked), groups and
 * coaches for admins, and the program templates with their items counted by kind. One batch. */
export async function engagementChoices(scope: TenantScope, input: { search?: string; coacheeIds: string[] }) {
	const admin = hasRole(scope, 'admin');
	const [found, picked, groups, coaches, programs] = await scope.db.batch([
		scope.db
			.select(personFields)
			.from(people)
			.where(and(ownCoachees(scope), peopleSearch(input.search)))
			.orderBy(asc(people.lastName), asc(people.firstName))
			.limit(choiceLimit + 1),
		scope.db
			.select(personFields)
			.from(people)
			.where(and(ownCoachees(scope), inArray(people.id, input.coacheeIds.length ? input.coacheeIds : [''])))
			.orderBy(asc(people.lastName), asc(people.firstName)),
		scope.db
			.select({
				id: coacheeGroups.id,
				name: coacheeGroups.name,
				members: sql<number>`(select count(*) from ${coacheeGroupMembers} where ${coacheeGroupMembers.groupId} = ${coacheeGroups.id})`
			})
			.from(coacheeGroups)
			.where(admin ? undefined : sql`1 = 0`)
			.orderBy(asc(sql`lower(${coacheeGroups.name})`)),
		coachesQuery(scope),
		scope.db
			.select({ id: programTemplates.id, name: programTemplates.name, description: programTemplates.description, items: programTemplates.items, ownerId: programTemplates.ownerId })
			.from(programTemplates)
			.where(and(visiblePrograms(scope), isNull(programTemplates.archivedAt)))
			.orderBy(asc(sql`lower(${programTemplates.name})`))
	]);
	return {
		coachees: found.slice(0, choiceLimit).map(named),
		/** More coachees match than are shown: search to narrow. */
		more: found.length > choiceLimit,
		picked: picked.map(named),
		groups,
		coaches: coaches.map(named),
		programs: programs.map((program) => ({
			id: program.id,
			name: program.name,
			description: program.description,
			own: program.ownerId !== null,
			items: program.items.length,
			kinds: countKinds(program.items.map((item) => item.kind))
		}))
	};
}

function countKinds(kinds: ItemKind[]): Partial<Record<ItemKind, number>> {
	const counts: Partial<Record<ItemKind, number>> = {};
	for (const kind of kinds) counts[kind] = (counts[kind] ?? 0) + 1;
	return counts;
}

// ---- "+ New" ---------------------------------------------------------------------------------

const notYours = 'One of the coachees you chose is not one of your coachees. They may have been given to another coach; go back and pick again.';

/** The coach of the new engagements: a coach themself; an admin picks any active coach (a solo
 * owner, who coaches too, may leave it to themself). */
function chosenCoach(scope: TenantScope, input: NewEngagement, coaches: Person[]): Person | string {
	if (!hasRole(scope, 'admin')) return scope.personId;
	const coachId = input.coachId ?? (hasRole(scope, 'coach') ? scope.personId : undefined);
	if (!coachId) throw fieldError('coachId', 'Choose the coach.');
	const person = coaches.find((c) => c.id === coachId);
	if (!person || !person.roles.includes('coach') || person.status !== 'active') throw fieldError('coachId', 'Choose an active coach of this workspace.');
	return person;
}

function checkCoachees(scope: TenantScope, input: NewEngagement, found: Person[], coachId: string): Person[] {
	const wanted = new Set(input.coacheeIds);
	const coachees = found.filter((person) => person.isCoachee);
	if (!input.groupId && coachees.length < wanted.size) {
		throw fieldError('coacheeIds', hasRole(scope, 'admin') ? 'One of the coachees you chose is no longer in this workspace. Go back and pick again.' : notYours);
	}
	if (!hasRole(scope, 'admin') && coachees.some((person) => person.coachId !== coachId)) throw fieldError('coacheeIds', notYours);
	if (!coachees.length) throw fieldError(input.groupId ? 'groupId' : 'coacheeIds', input.groupId ? 'That group has no coachees yet. Add some in Groups, or pick coachees.' : 'Pick at least one coachee.');
	return coachees;
}

/** What a program template's items hold, without their ids in the template. */
export const programContents = (items: readonly ProgramItem[]) => items.map(({ id: _id, ...content }) => content as ItemContent);

/** A program template's items, resolved as the author may use them now; a bad reference is
 * a message under the template (the wizard has no per-item fields). */
async function programItems(scope: TenantScope, program: typeof programTemplates.$inferSelect | undefined): Promise<ResolvedItem[]> {
	if (!program) return [];
	try {
		return await resolveItemContents(scope, programContents(program.items));
	} catch (error) {
		if (!(error instanceof DomainError) || !error.fieldErrors) throw error;
		throw fieldError('programId', `An item of “${program.name}” uses an assessment or a file you cannot send any more. Fix the template, or skip it and build from scratch.`);
	}
}

/** Inserts in chunks, so a large group stays under SQLite's limit of bound values per statement. */
export function chunked<T>(rows: T[], size = 400): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
	return chunks;
}

export type NewEngagementRow = typeof engagements.$inferInsert & { id: string; coacheeId: string; coachId: string; title: string; shared: boolean };

/** One engagement as "+ New" and Bulk Create make it. */
export function engagementRow(
	scope: TenantScope,
	fields: Pick<Engagement, 'coacheeId' | 'coachId' | 'title' | 'programTemplateId' | 'status' | 'shared' | 'startsOn' | 'endsOn'>,
	now: Date
): NewEngagementRow {
	return { id: crypto.randomUUID(), ...fields, createdBy: scope.personId, activatedAt: fields.status === 'active' ? now : null, createdAt: now, updatedAt: now };
}

/** An engagement's items in order, from resolved contents; a `completed` one is made Completed
 * (Bulk Create's "Link_N complete"). */
export function itemRowsOf(scope: TenantScope, engagement: Pick<NewEngagementRow, 'id' | 'coacheeId'>, items: readonly (ResolvedItem & { completed?: boolean })[], now: Date) {
	return items.map((item, position) => ({
		id: crypto.randomUUID(),
		engagementId: engagement.id,
		coacheeId: engagement.coacheeId,
		position,
		kind: item.kind,
		title: item.title,
		details: item.details,
		completedAt: item.completed ? now : null,
		createdBy: scope.personId,
		createdAt: now,
		updatedAt: now
	}));
}

/** "Create": one engagement per coachee, all in one batch; nothing is made on any refusal. */
export async function createEngagements(scope: TenantScope, input: NewEngagement) {
	const admin = hasRole(scope, 'admin');
	if (!admin && input.groupId) throw forbidden('Only an admin can make engagements for a coachee group.');
	const groupMembers = scope.db.select({ id: coacheeGroupMembers.personId }).from(coacheeGroupMembers).where(eq(coacheeGroupMembers.groupId, input.groupId ?? ''));
	const [found, group, coaches, program, me] = await scope.db.batch([
		scope.db
			.select()
			.from(people)
			.where(input.groupId ? inArray(people.id, groupMembers) : inArray(people.id, input.coacheeIds.length ? input.coacheeIds : [''])),
		scope.db.select().from(coacheeGroups).where(eq(coacheeGroups.id, input.groupId ?? '')),
		scope.db.select().from(people).where(eq(people.id, admin ? (input.coachId ?? scope.personId) : '')),
		scope.db
			.select()
			.from(programTemplates)
			.where(and(eq(programTemplates.id, input.programId ?? ''), visiblePrograms(scope), isNull(programTemplates.archivedAt))),
		scope.db.select().from(people).where(eq(people.id, scope.personId))
	]);
	if (input.groupId && !group[0]) throw fieldError('groupId', 'That group was deleted. Pick another, or pick coachees.');
	const chosen = chosenCoach(scope, input, coaches);
	const coachId = typeof chosen === 'string' ? chosen : chosen.id;
	const coachees = checkCoachees(scope, input, found, coachId);
	if (input.programId && !program[0]) throw fieldError('programId', 'That program template was archived or deleted. Pick another, or skip it.');
	const title = input.title || program[0]?.name;
	if (!title) throw fieldError('title', 'Name the engagement.');
	const now = scope.platform.clock.now();
	const startsOnFor = (person: Person) => input.startsOn ?? todayIn(person.timeZone, now);
	if (input.endsOn && coachees.some((person) => input.endsOn! < startsOnFor(person))) {
		throw fieldError('endsOn', 'The end date cannot be before the start date.');
	}
	const items = await programItems(scope, program[0]);
	const status: EngagementStatus = admin ? (input.status ?? 'draft') : 'active';
	const made = coachees.map((person) =>
		engagementRow(scope, { coacheeId: person.id, coachId, title, programTemplateId: program[0]?.id ?? null, status, shared: input.shared, startsOn: startsOnFor(person), endsOn: input.endsOn ?? null }, now)
	);
	const itemRows = made.flatMap((engagement) => itemRowsOf(scope, engagement, items, now));
	const actor = fullName(me[0]!);
	const activity = status === 'active' ? made.flatMap((engagement) => activeActivity(scope, engagement, actor, now)) : [];
	const [first, ...rest] = chunked(made, 200).map((rows) => scope.db.insert(engagements).values(rows));
	await scope.db.batch([first!, ...rest, ...chunked(itemRows).map((rows) => scope.db.insert(engagementItems).values(rows)), ...activity]);
	if (status === 'active') await announceActive(scope, made, actor);
	return { ids: made.map((e) => e.id), count: made.length, title, status };
}

// ---- Alerts ----------------------------------------------------------------------------------

type Announced = Pick<Engagement, 'id' | 'title' | 'coachId' | 'coacheeId' | 'shared'>;
type ActivityLines = ReturnType<typeof activityStatements>[number][];

export function activeActivity(scope: TenantScope, engagement: Announced, actor: string, at: Date): ActivityLines {
	const lines = activityStatements(scope.db, { personId: engagement.coacheeId, actorId: scope.personId, kind: 'engagement', summary: `${actor} started the engagement “${engagement.title}”` }, at);
	return engagement.shared ? [...lines, ...sharedActivity(scope, engagement, actor, at)] : [...lines];
}

function sharedActivity(scope: TenantScope, engagement: Announced, actor: string, at: Date): ActivityLines {
	return [...activityStatements(scope.db, { personId: engagement.coacheeId, actorId: scope.personId, kind: 'engagement', summary: `${actor} shared the engagement “${engagement.title}”` }, at)];
}

/** Engagements that became Active: their coach hears (unless they did it), and so does each
 * coachee they are shared with. */
export async function announceActive(scope: TenantScope, made: Announced[], actor: string) {
	const byCoach = new Map<string, Announced[]>();
	for (const engagement of made) byCoach.set(engagement.coachId, [...(byCoach.get(engagement.coachId) ?? []), engagement]);
	for (const [coachId, theirs] of byCoach) {
		if (coachId === scope.personId) continue;
		const one = theirs.length === 1 ? theirs[0]! : null;
		await notify(scope, {
			recipientId: coachId,
			kind: 'engagement_assigned',
			title: one ? `${actor} assigned you the engagement “${one.title}”` : `${actor} assigned you ${theirs.length} engagements`,
			body: one ? `It is Active: schedule its items and share it with your coachee when ready.` : `“${theirs[0]!.title}” for ${theirs.length} coachees is Active: schedule the items of each.`,
			link: one ? engagementPaths.engagement(one.id) : engagementPaths.list
		});
	}
	for (const engagement of made.filter((e) => e.shared)) await announceShared(scope, engagement, actor);
}

async function announceShared(scope: TenantScope, engagement: Announced, actor: string) {
	await notify(scope, {
		recipientId: engagement.coacheeId,
		kind: 'engagement_shared',
		title: `${actor} shared the engagement “${engagement.title}” with you`,
		body: 'Open it in Tandem to see its sessions, assessments, files and links as they become available.',
		link: engagementPaths.engagement(engagement.id)
	});
}

// ---- Status, sharing, spectators, delete -----------------------------------------------------

/** The session items of an engagement that is being completed or deleted, read with the check. */
function openSessionsQuery(scope: TenantScope, engagementId: string) {
	const reach = scope.db.select({ id: engagements.id }).from(engagements).where(and(eq(engagements.id, engagementId), manageableEngagements(scope)));
	return scope.db
		.select()
		.from(engagementItems)
		.where(and(inArray(engagementItems.engagementId, reach), eq(engagementItems.kind, 'session'), isNull(engagementItems.completedAt)));
}

async function mine(scope: TenantScope, engagementId: string) {
	const engagement = reachableEngagement(scope, engagementId, 'manage');
	const [rows, sessions, me] = await scope.db.batch([engagement.query, openSessionsQuery(scope, engagementId), scope.db.select().from(people).where(eq(people.id, scope.personId))]);
	return { engagement: engagement.require(rows), sessions, actor: fullName(me[0]!) };
}

/** Changes the status only if it is still `from`, so two people clicking at once cannot both move it. */
async function moveStatus(scope: TenantScope, engagement: Engagement, to: EngagementStatus, at: Date, extra: Partial<Engagement>, lines: ActivityLines = []) {
	const [moved] = await scope.db.batch([
		scope.db
			.update(engagements)
			.set({ status: to, updatedAt: at, ...extra })
			.where(and(eq(engagements.id, engagement.id), eq(engagements.status, engagement.status)))
			.returning({ id: engagements.id }),
		...lines
	]);
	if (!moved.length) throw conflict('Someone changed this engagement’s status meanwhile. Reload the page to see where it is.');
}

export async function setEngagementStatus(scope: TenantScope, engagementId: string, to: 'active' | 'completed') {
	const { engagement, sessions, actor } = await mine(scope, engagementId);
	const from = engagement.status;
	const now = scope.platform.clock.now();
	if (from === to) throw conflict(`“${engagement.title}” is already ${engagementStatusLabels[to]}.`);
	if (to === 'completed') {
		if (from === 'draft') throw conflict('Mark a Draft as Active before marking it as Completed.');
		await moveStatus(scope, engagement, 'completed', now, { completedAt: now });
		// Its sessions still ahead come out of the coachee's and coach's calendars.
		await cancelSessionInvitations(scope, engagement, sessions);
	} else if (from === 'draft') {
		if (!hasRole(scope, 'admin')) throw forbidden('Only an admin can mark a Draft as Active.');
		await moveStatus(scope, engagement, 'active', now, { activatedAt: now }, activeActivity(scope, engagement, actor, now));
		await announceActive(scope, [engagement], actor);
	} else {
		await moveStatus(scope, engagement, 'active', now, { completedAt: null });
	}
	// Active now: what was scheduled meanwhile (or cancelled on completion) goes out from the next tick.
	if (to === 'active') await scheduleTenantWork(scope.platform, scope.tenant.id, now);
	return { id: engagement.id, title: engagement.title, status: to };
}

export async function setEngagementShared(scope: TenantScope, engagementId: string, shared: boolean) {
	const { engagement, actor } = await mine(scope, engagementId);
	if (engagement.shared === shared) return { id: engagement.id, title: engagement.title, shared };
	const now = scope.platform.clock.now();
	// A draft's coachee learns of it when it becomes Active (announceActive).
	const tell = shared && engagement.status !== 'draft';
	await scope.db.batch([
		scope.db.update(engagements).set({ shared, updatedAt: now }).where(eq(engagements.id, engagement.id)),
		...(tell ? sharedActivity(scope, engagement, actor, now) : [])
	]);
	if (tell) await announceShared(scope, engagement, actor);
	return { id: engagement.id, title: engagement.title, shared };
}

export async function setEngagementSpectators(scope: TenantScope, engagementId: string, spectatorIds: string[]) {
	const ids = [...new Set(spectatorIds)];
	const engagement = reachableEngagement(scope, engagementId, 'manage');
	const [rows, allowed] = await scope.db.batch([
		engagement.query,
		scope.db
			.select({ id: people.id })
			.from(people)
			.where(and(inArray(people.id, ids.length ? ids : ['']), isSpectator, eq(people.status, 'active')))
	]);
	const found = engagement.require(rows);
	if (allowed.length < ids.length) {
		throw fieldError('spectatorIds', 'Only active authorized users can follow an engagement. Add them in Settings > Authorized Users first, then pick them here.');
	}
	await scope.db.batch([
		scope.db.delete(engagementSpectators).where(eq(engagementSpectators.engagementId, found.id)),
		...ids.map((personId) => scope.db.insert(engagementSpectators).values({ engagementId: found.id, personId }))
	]);
	return { id: found.id, title: found.title, spectators: ids.length };
}

export async function deleteEngagement(scope: TenantScope, engagementId: string) {
	const { engagement, sessions } = await mine(scope, engagementId);
	// Items and spectators go with it (ON DELETE CASCADE).
	await scope.db.delete(engagements).where(and(eq(engagements.id, engagement.id), manageableEngagements(scope)));
	await cancelSessionInvitations(scope, engagement, sessions);
	return { id: engagement.id, title: engagement.title };
}
