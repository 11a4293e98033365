import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure } from '../testing/harness';
import { tenant } from '../testing/coaching-fixture';
import { tenantDirectory } from '../tenancy/directory';
import { deliveryFixture, type DeliveryFixture } from './delivery-fixture';
import { feedCalendar } from './calendar-feed';
import type { SessionDetails } from '../../engagements/schema';

let f: DeliveryFixture;
beforeEach(async () => {
	f = await deliveryFixture();
});
afterEach(() => f.app.cleanup());

const session: SessionDetails = { kind: 'session', durationMinutes: 45, format: 'in_person', location: '1 Main Street', message: '', coacheeSchedules: false };

/** What a calendar app gets from the address, as the public route answers it. */
async function subscribe(url: string, slug = tenant) {
	const secret = new URL(url).pathname.split('/').at(-1)!.replace(/\.ics$/, '');
	return feedCalendar(f.app.platform, tenantDirectory(f.app.platform), slug, secret);
}

const uids = (calendar: string | null) => [...(calendar ?? '').matchAll(/^UID:(.+)$/gm)].map((m) => m[1]!.trim()).sort();

describe('calendar feeds', () => {
	it('lists the sessions of the active engagements a person coaches or takes part in, with the invitations’ UIDs', async () => {
		const active = await f.engagement();
		const draft = await f.engagement('draft');
		const kickOff = await f.item(active.id, 'Kick-off', session, { scheduledAt: f.minutes(60 * 24), sequence: 1 });
		await f.item(active.id, 'Not timed yet', session);
		await f.item(draft.id, 'Draft session', session, { scheduledAt: f.minutes(60 * 48), sequence: 1 });

		const { url } = await f.coach.calendar.createLink.mutate({ tenant });
		expect(url).toMatch(/^http:\/\/localhost:5173\/calendar\/acme\/[\w-]{20,}\.ics$/);
		const coachFeed = await subscribe(url);
		expect(uids(coachFeed)).toEqual([`${kickOff.id}@acme.tandem`]);
		expect(coachFeed).toContain('SUMMARY:Kick-off');
		expect(coachFeed).toContain('LOCATION:1 Main Street');
		expect(coachFeed).not.toContain('METHOD:');

		const joFeed = await subscribe((await f.jo.calendar.createLink.mutate({ tenant })).url);
		expect(uids(joFeed)).toEqual([`${kickOff.id}@acme.tandem`]);
		const olgaFeed = await subscribe((await f.otherCoach.calendar.createLink.mutate({ tenant })).url);
		expect(uids(olgaFeed)).toEqual([]);
	});

	it('keeps only the link’s hash: the page says when it was made, never the address', async () => {
		expect(await f.coach.calendar.feed.query({ tenant })).toEqual({ createdAt: null });
		const { url } = await f.coach.calendar.createLink.mutate({ tenant });
		const status = await f.coach.calendar.feed.query({ tenant });
		expect(status).toEqual({ createdAt: f.app.clock.now().toISOString() });
		expect(JSON.stringify(status)).not.toContain(new URL(url).pathname.split('/').at(-1)!.replace('.ics', ''));
	});

	it('stops answering the old address once the link is replaced or revoked, and never in another workspace', async () => {
		const first = (await f.coach.calendar.createLink.mutate({ tenant })).url;
		expect(await subscribe(first)).toContain('BEGIN:VCALENDAR');
		expect(await subscribe(first, 'no-such-workspace')).toBeNull();

		const second = (await f.coach.calendar.createLink.mutate({ tenant })).url;
		expect(second).not.toBe(first);
		expect(await subscribe(first)).toBeNull();
		expect(await subscribe(second)).toContain('BEGIN:VCALENDAR');

		await f.coach.calendar.revokeLink.mutate({ tenant });
		expect(await subscribe(second)).toBeNull();
		expect(await f.coach.calendar.feed.query({ tenant })).toEqual({ createdAt: null });
	});

	it('is not offered to an authorized user', async () => {
		expect((await failure(f.spectator.calendar.createLink.mutate({ tenant }))).code).toBe('FORBIDDEN');
		expect((await failure(f.spectator.calendar.feed.query({ tenant }))).code).toBe('FORBIDDEN');
	});

	it('costs the page one tenant round trip', async () => {
		await f.coach.calendar.createLink.mutate({ tenant });
		const trips = await f.app.countRoundTrips(() => f.coach.calendar.feed.query({ tenant }));
		expect(trips.tenant).toBe(1);
	});
});
