import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/harness';
import { openControlDb, openTenantDb, type TenantDb } from '../db';
import { tenants } from '../db/control/schema';
import { notificationPreferences, people } from '../db/tenant/schema';
import { digestDueWork, notify } from '../notifications/service';
import type { JobMessage } from './messages';
import { claimDueTenants, scheduleTenantWork } from '../tenancy/service';
import { failedProviderRetryMs, type DueWorkProvider } from './due-work';
import { runCronTick } from './runner';
import { runTenantDueWork } from './tenant-due';

const hour = 60 * 60_000;
let app: TestApp;
let db: TenantDb;
let tenant: typeof tenants.$inferSelect;
let adaId: string;
/** Every tenant.due job the cron enqueued: one per visit it claimed. */
let visits: string[];

beforeEach(async () => {
	app = await createTestApp(); // the clock starts at 2026-11-23 09:00 UTC
	await app.signUpOrganisation('Acme', 'ada@acme.example');
	tenant = (await openControlDb(app.platform).query.tenants.findFirst({ where: eq(tenants.slug, 'acme') }))!;
	db = await openTenantDb(app.platform, tenant);
	adaId = (await db.query.people.findFirst({ where: eq(people.email, 'ada@acme.example') }))!.id;
	await db.insert(notificationPreferences).values({ personId: adaId, kind: 'coachee_assigned', delivery: 'digest' });
	visits = [];
	const queue = app.platform.queue;
	app.platform.queue = {
		send: (message: JobMessage, options) => {
			if (message.type === 'tenant.due') visits.push(message.tenantId);
			return queue.send(message, options);
		}
	};
});
afterEach(() => {
	vi.restoreAllMocks();
	app.cleanup();
});

const scope = () => ({ platform: app.platform, db, tenant });
const assignToAda = (coachee: string) =>
	notify(scope(), { recipientId: adaId, kind: 'coachee_assigned', title: `${coachee} is now your coachee`, body: 'Say hello.', link: '/coachees' });
const digestsToAda = () => app.mailer.list().filter((m) => m.to === 'ada@acme.example' && m.subject.startsWith('Your daily Tandem digest'));
const nextDueAt = async () => (await openControlDb(app.platform).query.tenants.findFirst({ where: eq(tenants.id, tenant.id) }))!.nextDueAt;

async function tick() {
	await runCronTick(app.platform);
	await app.queue.drain();
}

describe('the cron and due work', () => {
	it('visits a tenant only once its due time has come, and only once', async () => {
		await assignToAda('Jo Coachee'); // digest due 2026-11-24 08:00
		await tick();
		app.clock.advance(22 * hour + 59 * 60_000); // 07:59 next day
		await tick();
		expect(visits).toEqual([]);
		expect(digestsToAda()).toEqual([]);

		app.clock.advance(2 * 60_000);
		await tick();
		await tick();
		expect(visits).toEqual([tenant.id]);
		expect(digestsToAda()).toHaveLength(1);
		expect(digestsToAda()[0]!.text).toContain('Jo Coachee is now your coachee');
		expect(await nextDueAt()).toBeNull();
	});

	it('catches up after missed ticks: the digest goes out once, and the next one is booked', async () => {
		await assignToAda('Jo Coachee');
		app.clock.advance(30 * hour); // no tick ran at 08:00; it is now 15:00 the next day
		await assignToAda('Kim Coachee'); // after the digest time: belongs in the following digest
		await tick();
		await tick();
		expect(visits).toEqual([tenant.id]);
		expect(digestsToAda()).toHaveLength(1);
		expect(digestsToAda()[0]!.text).toContain('Jo Coachee');
		expect(digestsToAda()[0]!.text).not.toContain('Kim Coachee');
		expect(await nextDueAt()).toEqual(new Date('2026-11-25T08:00:00Z'));
	});

	it('a visit for other due work sends no digest before its time, and books the digest time', async () => {
		await assignToAda('Jo Coachee');
		await scheduleTenantWork(app.platform, tenant.id, new Date('2026-11-23T12:00:00Z')); // e.g. a reminder
		app.clock.advance(3 * hour);
		await tick();
		expect(visits).toEqual([tenant.id]);
		expect(digestsToAda()).toEqual([]);
		expect(await nextDueAt()).toEqual(new Date('2026-11-24T08:00:00Z'));
	});

	it('a failing provider does not stop the digests, and the tenant is visited again soon', async () => {
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
		const broken: DueWorkProvider = {
			name: 'reminders',
			run: async () => {
				throw new Error('reminders table is locked');
			},
			nextDueAt: async () => null
		};
		await assignToAda('Jo Coachee');
		app.clock.advance(24 * hour);
		expect(await claimDueTenants(app.platform)).toEqual([tenant.id]);
		await runTenantDueWork(app.platform, tenant.id, [broken, digestDueWork]);
		await app.queue.drain();
		expect(digestsToAda()).toHaveLength(1);
		expect(errors).toHaveBeenCalledTimes(1);
		expect(String(errors.mock.calls[0]![0])).toMatch(/"reminders" failed in tenant/);
		expect(await nextDueAt()).toEqual(new Date(app.clock.now().getTime() + failedProviderRetryMs));
	});

	it('does nothing for a tenant.due message naming a tenant that is not active', async () => {
		await assignToAda('Jo Coachee');
		await openControlDb(app.platform).update(tenants).set({ status: 'provisioning' }).where(eq(tenants.id, tenant.id));
		app.clock.advance(24 * hour);
		await runTenantDueWork(app.platform, tenant.id);
		await runTenantDueWork(app.platform, 'no-such-tenant');
		await app.queue.drain();
		expect(digestsToAda()).toEqual([]);
	});
});
