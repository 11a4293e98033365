import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openControlDb, openTenantDb } from '../db';
import { tenants } from '../db/control/schema';
import { people } from '../db/tenant/schema';
import { coachingFixture, tenant, type CoachingFixture } from '../testing/coaching-fixture';
import { actingScope } from './acting';

describe('actingScope: a job acts with the rights its person has now', () => {
	let f: CoachingFixture;
	let coachId: string;
	beforeEach(async () => {
		f = await coachingFixture();
		coachId = (await f.admin.members.list.query({ tenant })).find((m) => m.email === 'cole@acme.example')!.id;
	});
	afterEach(() => f.app.cleanup());

	async function base() {
		const row = (await openControlDb(f.app.platform).query.tenants.findFirst({ where: eq(tenants.slug, tenant) }))!;
		return { platform: f.app.platform, db: await openTenantDb(f.app.platform, row), tenant: { id: row.id, slug: row.slug, name: row.name, kind: row.kind } };
	}

	it('carries the person and their current roles', async () => {
		const scope = await actingScope(await base(), coachId);
		expect(scope?.personId).toBe(coachId);
		expect(scope?.roles).toEqual(['coach']);
		expect((await scope!.me()).email).toBe('cole@acme.example');
	});

	it('is null for someone deactivated since, or unknown', async () => {
		const b = await base();
		await b.db.update(people).set({ status: 'deactivated' }).where(eq(people.id, coachId));
		expect(await actingScope(b, coachId)).toBeNull();
		expect(await actingScope(b, 'nobody')).toBeNull();
	});
});
