import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, failure, strongPassword, tokenOf, type TestApp } from '../testing/harness';

let app: TestApp;
beforeEach(async () => {
	app = await createTestApp();
});
afterEach(() => app.cleanup());

const coach = { firstName: 'Maya', lastName: 'Lindqvist', email: 'maya@example.com', password: strongPassword };

describe('sign-up', () => {
	it('makes an independent coach the admin and coach of a new solo workspace and signs them in', async () => {
		const browser = app.client();
		const { redirectTo } = await browser.auth.signUpCoach.mutate(coach);
		expect(redirectTo).toBe('/t/maya-lindqvist-coaching');
		const current = await browser.tenancy.current.query({ tenant: 'maya-lindqvist-coaching' });
		expect(current.tenant.kind).toBe('solo');
		expect(current.roles).toEqual(['admin', 'coach']);
		expect(app.mailer.list().map((email) => email.subject)).toEqual(['Confirm your email address for Tandem']);
	});

	it('creates a coaching firm whose first user is its admin', async () => {
		const browser = app.client();
		const { redirectTo } = await browser.auth.signUpOrganisation.mutate({
			...coach,
			organisationName: 'Northwind Coaching',
			kind: 'firm'
		});
		expect(redirectTo).toBe('/t/northwind-coaching');
		const current = await browser.tenancy.current.query({ tenant: 'northwind-coaching' });
		expect(current).toMatchObject({ tenant: { name: 'Northwind Coaching', kind: 'firm' }, roles: ['admin'] });
	});

	it('refuses a duplicate email with a field message and creates nothing', async () => {
		await app.client().auth.signUpCoach.mutate(coach);
		const again = await failure(app.client().auth.signUpCoach.mutate({ ...coach, email: ' MAYA@example.com ' }));
		expect(again.code).toBe('CONFLICT');
		expect(again.fieldErrors?.email?.[0]).toMatch(/already exists/);
		const other = app.client();
		await other.auth.signIn.mutate({ email: coach.email, password: coach.password });
		expect(await other.tenancy.mine.query()).toHaveLength(1);
	});

	it('refuses weak passwords and bad emails field by field', async () => {
		const result = await failure(app.client().auth.signUpCoach.mutate({ ...coach, email: 'not-an-email', password: 'short' }));
		expect(result.code).toBe('BAD_REQUEST');
		expect(result.fieldErrors?.email?.[0]).toMatch(/valid email/);
		expect(result.fieldErrors?.password?.[0]).toMatch(/at least 10/);
		expect(await failure(app.client().auth.signIn.mutate({ email: coach.email, password: 'whatever' }))).toMatchObject({
			code: 'BAD_REQUEST'
		});
	});
});

describe('sign-in and sign-out', () => {
	beforeEach(async () => {
		await app.client().auth.signUpCoach.mutate(coach);
	});

	it('signs in with the right password and out again', async () => {
		const browser = app.client();
		const { redirectTo } = await browser.auth.signIn.mutate({ email: 'Maya@Example.com', password: strongPassword });
		expect(redirectTo).toBe('/t/maya-lindqvist-coaching');
		expect((await browser.auth.me.query())?.email).toBe(coach.email);
		await browser.auth.signOut.mutate();
		expect(await browser.auth.me.query()).toBeNull();
	});

	it('says the password does not match, and locks out after too many tries', async () => {
		const browser = app.client();
		const wrong = await failure(browser.auth.signIn.mutate({ email: coach.email, password: 'wrong password!' }));
		expect(wrong.fieldErrors?.password?.[0]).toMatch(/do not match/);
		for (let i = 0; i < 9; i++) await failure(browser.auth.signIn.mutate({ email: coach.email, password: 'wrong password!' }));
		const locked = await failure(browser.auth.signIn.mutate({ email: coach.email, password: strongPassword }));
		expect(locked.code).toBe('TOO_MANY_REQUESTS');
		expect(locked.message).toMatch(/Try again in 15 minutes/);
		app.clock.advance(15 * 60_000);
		await browser.auth.signIn.mutate({ email: coach.email, password: strongPassword });
	});

	it('refuses a state-changing request from another site', async () => {
		const attacker = app.client({ origin: 'https://evil.example' });
		const refused = await failure(attacker.auth.signIn.mutate({ email: coach.email, password: strongPassword }));
		expect(refused.message).toMatch(/another site/);
	});
});

describe('password reset', () => {
	beforeEach(async () => {
		await app.client().auth.signUpCoach.mutate(coach);
	});

	it('emails a link that sets a new password once, and ends old sessions', async () => {
		const old = app.client();
		await old.auth.signIn.mutate({ email: coach.email, password: strongPassword });
		await app.client().auth.requestPasswordReset.mutate({ email: coach.email });
		const [link] = app.linksSentTo(coach.email).filter((l) => l.includes('/reset/'));
		expect(link).toMatch(/^http:\/\/localhost:5173\/reset\//);
		const browser = app.client();
		await browser.auth.resetPassword.mutate({ token: tokenOf(link!), password: 'a brand new passphrase' });
		expect((await browser.auth.me.query())?.email).toBe(coach.email);
		expect(await old.auth.me.query()).toBeNull();
		const reused = await failure(app.client().auth.resetPassword.mutate({ token: tokenOf(link!), password: 'another new passphrase' }));
		expect(reused.fieldErrors?.token?.[0]).toMatch(/already been used/);
		await app.client().auth.signIn.mutate({ email: coach.email, password: 'a brand new passphrase' });
	});

	it('refuses an expired link and keeps the old password', async () => {
		await app.client().auth.requestPasswordReset.mutate({ email: coach.email });
		const [link] = app.linksSentTo(coach.email).filter((l) => l.includes('/reset/'));
		app.clock.advance(61 * 60_000);
		const expired = await failure(app.client().auth.resetPassword.mutate({ token: tokenOf(link!), password: 'a brand new passphrase' }));
		expect(expired.fieldErrors?.token?.[0]).toMatch(/expired/);
		await app.client().auth.signIn.mutate({ email: coach.email, password: strongPassword });
	});

	it('answers the same for an unknown email and sends nothing', async () => {
		const before = app.mailer.list().length;
		expect(await app.client().auth.requestPasswordReset.mutate({ email: 'nobody@example.com' })).toEqual({ sent: true });
		expect(app.mailer.list()).toHaveLength(before);
	});
});

describe('sign-in by emailed link', () => {
	beforeEach(async () => {
		await app.client().auth.signUpCoach.mutate(coach);
	});

	const requestLink = async () => {
		await app.client().auth.requestSignInLink.mutate({ email: coach.email, redirectTo: '/t/maya-lindqvist-coaching' });
		return app.linksSentTo(coach.email).find((l) => l.includes('/signin/link/'))!;
	};

	it('signs in once and lands where asked', async () => {
		const link = await requestLink();
		const browser = app.client();
		expect(await browser.auth.redeemSignInLink.mutate({ token: tokenOf(link) })).toEqual({
			redirectTo: '/t/maya-lindqvist-coaching'
		});
		expect((await browser.auth.me.query())?.emailVerified).toBe(true);
		const second = await failure(app.client().auth.redeemSignInLink.mutate({ token: tokenOf(link) }));
		expect(second.message).toMatch(/already been used/);
	});

	it('expires after 15 minutes', async () => {
		const link = await requestLink();
		app.clock.advance(16 * 60_000);
		const expired = await failure(app.client().auth.redeemSignInLink.mutate({ token: tokenOf(link) }));
		expect(expired.message).toMatch(/expired/);
	});

	it('refuses a tampered link', async () => {
		const link = await requestLink();
		const tampered = await failure(app.client().auth.redeemSignInLink.mutate({ token: `${tokenOf(link)}x` }));
		expect(tampered.message).toMatch(/not valid/);
	});

	it('refuses to redirect off-site', async () => {
		const offsite = await failure(app.client().auth.requestSignInLink.mutate({ email: coach.email, redirectTo: '//evil.example' }));
		expect(offsite.fieldErrors?.redirectTo).toBeTruthy();
	});
});

describe('email verification', () => {
	it('verifies the address from the sign-up email, once', async () => {
		const browser = app.client();
		await browser.auth.signUpCoach.mutate(coach);
		expect((await browser.auth.me.query())?.emailVerified).toBe(false);
		const link = app.linksSentTo(coach.email).find((l) => l.includes('/verify/'))!;
		await app.client().auth.verifyEmail.mutate({ token: tokenOf(link) });
		expect((await browser.auth.me.query())?.emailVerified).toBe(true);
		expect((await failure(app.client().auth.verifyEmail.mutate({ token: tokenOf(link) }))).message).toMatch(/already been used/);
	});
});
