/**
 * Walks every procedure in the router. Each one whose input starts with `tenantInput` is
 * called by a signed-in member of another tenant, naming a tenant they do not belong to,
 * and must be refused before it reaches that tenant's data. New procedures are covered
 * the day they are added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createTestApp, strongPassword, type TestApp } from '../testing/harness';
import { tenantInput } from './procedures';
import { appRouter, createCaller } from './router';
import { openControlDb } from '../db';
import { users } from '../db/control/schema';
import { eq } from 'drizzle-orm';

interface ProcedureDef {
	_def: { type: 'query' | 'mutation' | 'subscription'; inputs: unknown[] };
}

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);
const tenantScoped = procedures.filter(([, procedure]) => procedure._def.inputs[0] === tenantInput);

let app: TestApp;
let outsider: ReturnType<typeof createCaller>;

beforeAll(async () => {
	app = await createTestApp();
	await await app.signUpOrganisation('Acme', 'ada@acme.example');
	await app.client().auth.signUpCoach.mutate({
		firstName: 'Olly',
		lastName: 'Outsider',
		email: 'olly@example.com',
		password: strongPassword
	});
	const user = await openControlDb(app.platform).query.users.findFirst({ where: eq(users.email, 'olly@example.com') });
	outsider = createCaller({
		platform: app.platform,
		user: { id: user!.id, email: user!.email, name: user!.name, emailVerified: true, sessionId: 'test' },
		workspaces: [],
		scopes: new Map(),
		clientAddress: '127.0.0.1',
		session: { set: () => {}, clear: () => {} }
	});
});
afterAll(() => app.cleanup());

describe('tenant isolation', () => {
	it('finds the tenant-scoped procedures', () => {
		expect(tenantScoped.map(([path]) => path)).toEqual(
			expect.arrayContaining(['tenancy.current', 'members.list', 'members.invite', 'members.deactivate'])
		);
	});

	it.each(tenantScoped)('%s refuses a member of another tenant', async (path) => {
		const call = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], outsider) as (
			input: unknown
		) => Promise<unknown>;
		const refusal = await call({ tenant: 'acme' }).then(
			() => null,
			(error: unknown) => error
		);
		expect(refusal).toBeInstanceOf(TRPCError);
		expect((refusal as TRPCError).code).toBe('FORBIDDEN');
		expect((refusal as TRPCError).message).toMatch(/don't have access to a workspace at "acme"/);
		expect((refusal as TRPCError).message).not.toMatch(/Acme/);
	});

	it('answers a missing workspace exactly as an existing one, so outsiders learn nothing', async () => {
		const missing = await outsider.tenancy.current({ tenant: 'no-such-team' }).catch((error: TRPCError) => error);
		const existing = await outsider.tenancy.current({ tenant: 'acme' }).catch((error: TRPCError) => error);
		expect(missing).toMatchObject({ code: 'FORBIDDEN' });
		expect((missing as TRPCError).message.replace('no-such-team', 'acme')).toBe((existing as TRPCError).message);
	});

	it('refuses anonymous callers before anything else', async () => {
		const anonymous = createCaller({
			platform: app.platform,
			user: null,
			workspaces: [],
			scopes: new Map(),
			clientAddress: '127.0.0.1',
			session: { set: () => {}, clear: () => {} }
		});
		await expect(anonymous.tenancy.current({ tenant: 'acme' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
	});
});
