/** Whether an email has an account must not show in how long a refused sign-in takes.
 * Timing itself is too noisy to assert, so this counts the scrypt key derivations instead. */
import { scrypt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openControlDb } from '../db';
import { users } from '../db/control/schema';
import { createTestApp, failure, strongPassword, type TestApp } from '../testing/harness';

vi.mock('node:crypto', async (importOriginal) => {
	const actual = await importOriginal<typeof import('node:crypto')>();
	return { ...actual, scrypt: vi.fn(actual.scrypt) };
});

let app: TestApp;
beforeEach(async () => {
	app = await createTestApp();
	await app.client().auth.signUpCoach.mutate({ firstName: 'Maya', lastName: 'Lindqvist', email: 'maya@example.com', password: strongPassword });
	await app.client().auth.signUpCoach.mutate({ firstName: 'Noah', lastName: 'Link', email: 'noah@example.com', password: strongPassword });
	// Noah signs in by emailed link only.
	await openControlDb(app.platform).update(users).set({ passwordHash: null }).where(eq(users.email, 'noah@example.com'));
});
afterEach(() => app.cleanup());

async function derivationsToRefuse(email: string) {
	vi.mocked(scrypt).mockClear();
	const refused = await failure(app.client().auth.signIn.mutate({ email, password: 'not the password' }));
	expect(refused.fieldErrors?.password?.[0]).toMatch(/do not match/);
	return vi.mocked(scrypt).mock.calls.length;
}

describe('refusing a sign-in', () => {
	it('derives one key whether the account exists, has no password, or does not exist', async () => {
		expect({
			known: await derivationsToRefuse('maya@example.com'),
			withoutPassword: await derivationsToRefuse('noah@example.com'),
			unknown: await derivationsToRefuse('nobody@example.com')
		}).toEqual({ known: 1, withoutPassword: 1, unknown: 1 });
	});

	it('derives the unknown account key with the parameters real passwords use', async () => {
		await derivationsToRefuse('maya@example.com');
		const [, , , known] = vi.mocked(scrypt).mock.calls[0]!;
		await derivationsToRefuse('nobody@example.com');
		const [, , , unknown] = vi.mocked(scrypt).mock.calls[0]!;
		expect(unknown).toEqual(known);
	});
});
