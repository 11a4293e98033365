/**
 * The tenant database, not the control plane's mirror, decides who someone is in a
 * workspace. These tests make the two disagree (as a crash between the two writes of a
 * deactivation or a role change would) and check that the tenant's word wins: nothing is
 * read or written for the person, and the mirror is repaired for the next request.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { currentTenantSchema, openControlDb, openTenantDb } from '../db';
import { memberships, tenants } from '../db/control/schema';
import { people } from '../db/tenant/schema';
import { createTestApp, failure, strongPassword, tokenOf, type TestApp, type TestClient } from '../testing/harness';

const tenant = 'acme';
let app: TestApp;
let admin: TestClient;
let coach: TestClient;
let coachUserId: string;

async function tenantDb() {
	const row = await openControlDb(app.platform).query.tenants.findFirst({ where: eq(tenants.slug, tenant) });
	return openTenantDb(app.platform, row!);
}

async function mirrorOf(userId: string) {
	return openControlDb(app.platform).query.memberships.findFirst({ where: eq(memberships.userId, userId) });
}

beforeEach(async () => {
	app = await createTestApp();
	admin = await app.signUpOrganisation('Acme', 'ada@acme.example');
	await admin.members.invite.mutate({ tenant, email: 'cole@acme.example', firstName: 'Cole', lastName: 'Coach', role: 'coach' });
	const link = app.linksSentTo('cole@acme.example').find((l) => l.includes('/invite/'))!;
	coach = app.client();
	await coach.invitations.accept.mutate({ tenant, token: tokenOf(link), firstName: 'Cole', lastName: 'Coach', password: strongPassword });
	coachUserId = (await coach.auth.me.query())!.id;
});
afterEach(() => app.cleanup());

describe('the tenant database confirms the person on every request', () => {
	it('refuses someone the tenant deactivated even while the control plane still lets them in', async () => {
		await (await tenantDb()).update(people).set({ status: 'deactivated' }).where(eq(people.userId, coachUserId));
		expect((await mirrorOf(coachUserId))?.status).toBe('active');
		expect(await failure(coach.coachees.list.query({ tenant }))).toMatchObject({ code: 'FORBIDDEN' });
		expect(await failure(coach.coachees.create.mutate({ tenant, firstName: 'Jo', lastName: 'Doe', email: 'jo@example.com' }))).toMatchObject({
			code: 'FORBIDDEN'
		});
		expect((await admin.coachees.list.query({ tenant })).total).toBe(0);
		// The mirror now agrees, so the next request is refused before the tenant is opened.
		expect((await mirrorOf(coachUserId))?.status).toBe('deactivated');
	});

	it('refuses, rather than trusting, roles the control plane claims but the tenant no longer grants', async () => {
		const control = openControlDb(app.platform);
		await control.update(memberships).set({ roles: ['admin', 'coach'] }).where(eq(memberships.userId, coachUserId));
		const refused = await failure(coach.members.list.query({ tenant }));
		expect(refused.code).toBe('FORBIDDEN');
		expect(refused.message).toMatch(/changed a moment ago/);
		expect((await mirrorOf(coachUserId))?.roles).toEqual(['coach']);
		// Repaired: the coach works as a coach again, and still cannot act as an admin.
		expect((await coach.coachees.list.query({ tenant })).total).toBe(0);
		expect(await failure(coach.members.list.query({ tenant }))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Only an admin/) });
	});

	it('reads the person and the page in one round trip', async () => {
		expect(await app.countRoundTrips(() => coach.coachees.list.query({ tenant }))).toEqual({ control: 1, tenant: 1 });
	});

	it('migrates a tenant recorded behind this build on its next request, and records it current', async () => {
		const control = openControlDb(app.platform);
		await control.update(tenants).set({ schemaVersion: null }).where(eq(tenants.slug, tenant));
		expect((await coach.coachees.list.query({ tenant })).total).toBe(0);
		const row = await control.query.tenants.findFirst({ where: eq(tenants.slug, tenant) });
		expect(row?.schemaVersion).toBe(currentTenantSchema);
	});

	it('keeps a membership row without a person id working, and fills it in', async () => {
		await openControlDb(app.platform)
			.update(memberships)
			.set({ personId: null })
			.where(eq(memberships.userId, coachUserId));
		expect((await coach.coachees.list.query({ tenant })).total).toBe(0);
		expect((await mirrorOf(coachUserId))?.personId).toBeTruthy();
	});
});
