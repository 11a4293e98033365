/**
 * A person's private calendar feed: an .ics address their calendar app subscribes to, with
 * their sessions (as coachee: their scheduled sessions of active engagements; as coach: those
 * of the active engagements they coach). The address's secret is the whole credential, like a
 * sign-in link: it is shown once when made and only its hash is kept. A new link replaces the
 * old one, and "Revoke" removes it; either way the old address answers 404 from then on.
 */
import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { sha256, randomSecret } from '../auth/crypto';
import { openTenantDb } from '../db';
import { calendarFeeds, engagementItems, engagements, people } from '../db/tenant/schema';
import type { Platform } from '../platform/ports';
import type { TenantDirectory } from '../tenancy/directory';
import type { TenantScope } from '../tenancy/scope';
import { feedIcs } from './calendar';
import { calendarSession, deliveryQuery, sessionLinkFor } from './delivery';

/** `/calendar/<workspace>/<secret>.ics`: the suffix is for calendar apps that look for it. */
export const feedPath = (tenantSlug: string, secret: string) => `/calendar/${tenantSlug}/${secret}.ics`;

/** What the Calendar feed page shows: whether a link exists and since when (never the link). */
export async function feedStatus(scope: TenantScope) {
	const [[feed]] = await scope.db.batch([scope.db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.personId, scope.personId))]);
	return { createdAt: feed?.createdAt.toISOString() ?? null };
}

/** Makes the person's link, replacing any earlier one, and returns its address: the only time it is seen. */
export async function createFeedLink(scope: TenantScope) {
	const secret = randomSecret();
	const values = { personId: scope.personId, secretHash: await sha256(secret), createdAt: scope.platform.clock.now() };
	await scope.db.insert(calendarFeeds).values(values).onConflictDoUpdate({ target: calendarFeeds.personId, set: { secretHash: values.secretHash, createdAt: values.createdAt } });
	return { url: `${scope.platform.config.appUrl}${feedPath(scope.tenant.slug, secret)}` };
}

export async function revokeFeedLink(scope: TenantScope) {
	await scope.db.delete(calendarFeeds).where(eq(calendarFeeds.personId, scope.personId));
}

/** The feed's text for `secret` in the workspace `slug`, or null for any address that does not
 * (or no longer) open one, without saying which part was wrong. */
export async function feedCalendar(platform: Platform, directory: TenantDirectory, slug: string, secret: string): Promise<string | null> {
	const tenant = await directory(slug);
	if (!tenant || tenant.status !== 'active' || !secret) return null;
	const db = await openTenantDb(platform, tenant);
	const secretHash = await sha256(secret);
	const owner = db.select({ id: calendarFeeds.personId }).from(calendarFeeds).where(eq(calendarFeeds.secretHash, secretHash));
	const [[person], deliveries] = await db.batch([
		db.select({ id: people.id }).from(people).where(and(inArray(people.id, owner), eq(people.status, 'active'))),
		deliveryQuery(
			db,
			and(
				eq(engagementItems.kind, 'session'),
				isNotNull(engagementItems.scheduledAt),
				eq(engagements.status, 'active'),
				or(inArray(engagements.coacheeId, owner), inArray(engagements.coachId, owner))
			)!
		)
	]);
	if (!person) return null;
	const scope = { platform, db, tenant };
	const sessions = deliveries.map((delivery) => calendarSession(scope, delivery, delivery.item.sequence, sessionLinkFor(delivery, person)));
	return feedIcs(`Tandem: ${tenant.name}`, sessions, tenant.slug, platform.clock.now());
}
