/**
 * Tests only: engagements and items written straight into the tenant database (as the
 * engagement pages will write them), on top of the coaching fixture: Cole coaches Jo.
 */
import { eq } from 'drizzle-orm';
import { openControlDb, openTenantDb, type TenantDb } from '../db';
import { tenants } from '../db/control/schema';
import { engagementItems, engagements, people } from '../db/tenant/schema';
import { runCronTick } from '../jobs/runner';
import { coachingFixture, tenant as tenantSlug, type CoachingFixture } from '../testing/coaching-fixture';
import { scheduleTenantWork } from '../tenancy/service';
import type { EngagementStatus, ItemDetails } from '../../engagements/schema';
import type { EngagementItem } from './delivery';

export interface DeliveryFixture extends CoachingFixture {
	db: TenantDb;
	tenantRow: typeof tenants.$inferSelect;
	coleId: string;
	scope(): { platform: CoachingFixture['app']['platform']; db: TenantDb; tenant: typeof tenants.$inferSelect };
	engagement(status?: EngagementStatus, extra?: Partial<typeof engagements.$inferInsert>): Promise<typeof engagements.$inferSelect>;
	/** An item of `engagementId`, booking the cron's visit for when it is due (as the engagement pages do). */
	item(engagementId: string, title: string, details: ItemDetails, extra?: Partial<typeof engagementItems.$inferInsert>): Promise<EngagementItem>;
	itemNow(id: string): Promise<EngagementItem>;
	/** One cron tick, and every job it enqueued. */
	tick(): Promise<void>;
	minutes(n: number): Date;
}

export async function deliveryFixture(): Promise<DeliveryFixture> {
	const base = await coachingFixture();
	const { app } = base;
	const tenantRow = (await openControlDb(app.platform).query.tenants.findFirst({ where: eq(tenants.slug, tenantSlug) }))!;
	const db = await openTenantDb(app.platform, tenantRow);
	const coleId = (await db.query.people.findFirst({ where: eq(people.email, 'cole@acme.example') }))!.id;
	let position = 0;
	const minutes = (n: number) => new Date(app.clock.now().getTime() + n * 60_000);
	return {
		...base,
		db,
		tenantRow,
		coleId,
		scope: () => ({ platform: app.platform, db, tenant: tenantRow }),
		async engagement(status = 'active', extra = {}) {
			const [row] = await db
				.insert(engagements)
				.values({ id: crypto.randomUUID(), coacheeId: base.joId, coachId: coleId, title: 'Leading with intent', status, shared: true, startsOn: '2026-11-23', ...extra })
				.returning();
			return row!;
		},
		async item(engagementId, title, details, extra = {}) {
			const [row] = await db
				.insert(engagementItems)
				.values({ id: crypto.randomUUID(), engagementId, coacheeId: base.joId, position: position++, kind: details.kind, title, details, createdBy: coleId, ...extra })
				.returning();
			// A session's invitation (or "Schedule your session") is due at once; anything else at its time.
			const sendsAt = row!.kind === 'session' ? app.clock.now() : row!.scheduledAt;
			const due = [sendsAt, row!.remindAt].filter((at): at is Date => at !== null);
			if (due.length) await scheduleTenantWork(app.platform, tenantRow.id, new Date(Math.min(...due.map((at) => at.getTime()))));
			return row!;
		},
		async itemNow(id) {
			return (await db.query.engagementItems.findFirst({ where: eq(engagementItems.id, id) }))!;
		},
		async tick() {
			await runCronTick(app.platform);
			await app.queue.drain();
		},
		minutes
	};
}
