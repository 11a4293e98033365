import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appUrl, createTestApp, failure, strongPassword, tokenOf, type TestApp, type TestClient } from '../testing/harness';
import { handleTrpcRequest } from '../trpc/http';
import { singleLineMessage } from '../../validation';

let app: TestApp;
beforeEach(async () => {
	app = await createTestApp();
});
afterEach(() => app.cleanup());

const coach = { firstName: 'Maya', lastName: 'Lindqvist', email: 'maya@example.com', password: strongPassword };
const day = 24 * 60 * 60_000;

/** A hand-built request to the HTTP handler: a query without `input`, a mutation with it. */
function send(procedure: string, options: { input?: unknown; headers?: Record<string, string> } = {}) {
	const init: RequestInit =
		options.input === undefined
			? { headers: options.headers }
			: { method: 'POST', headers: { 'content-type': 'application/json', ...options.headers }, body: JSON.stringify(options.input) };
	return handleTrpcRequest(new Request(`${appUrl}/api/trpc/${procedure}`, init), { platform: app.platform, clientAddress: '127.0.0.1' });
}

/** Who `auth.me` says is signed in, for a request carrying this Cookie header. */
async function me(cookie: string) {
	const response = await send('auth.me', { headers: { cookie } });
	return ((await response.json()) as { result: { data: { email: string } | null } }).result.data;
}

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

	it('refuses weak passwords and bad emails field by field, and creates nothing', async () => {
		const badEmail = await failure(app.client().auth.signUpCoach.mutate({ ...coach, email: 'not-an-email', password: 'short' }));
		expect(badEmail.code).toBe('BAD_REQUEST');
		expect(badEmail.fieldErrors?.email?.[0]).toMatch(/valid email/);
		expect(badEmail.fieldErrors?.password?.[0]).toMatch(/at least 10/);
		const weak = await failure(app.client().auth.signUpCoach.mutate({ ...coach, password: 'password12' }));
		expect(weak.fieldErrors?.password?.[0]).toBe('This is a commonly used password. Add more words that are less common.');
		const ownName = await failure(app.client().auth.signUpCoach.mutate({ ...coach, password: 'mayalindqvist' }));
		expect(ownName.fieldErrors?.password?.[0]).toMatch(/less common/);
		expect(app.mailer.list()).toEqual([]);
		// Nothing was created for the email: the same sign-up with a good password is not a duplicate.
		await app.client().auth.signUpCoach.mutate(coach);
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

	it('ends the session on the server at sign-out: the old cookie no longer works', async () => {
		const signedIn = await send('auth.signIn', { input: { email: coach.email, password: strongPassword }, headers: { origin: appUrl } });
		const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;
		expect((await me(cookie))?.email).toBe(coach.email);
		await send('auth.signOut', { input: {}, headers: { origin: appUrl, cookie } });
		expect(await me(cookie)).toBeNull();
	});

	it('expires sessions after 30 days', async () => {
		const browser = app.client();
		await browser.auth.signIn.mutate({ email: coach.email, password: strongPassword });
		app.clock.advance(29 * day);
		expect((await browser.auth.me.query())?.email).toBe(coach.email);
		app.clock.advance(2 * day);
		expect(await browser.auth.me.query()).toBeNull();
	});

	it('treats a mangled session cookie as signed out instead of failing every request', async () => {
		const response = await send('auth.me', { headers: { cookie: 'tandem_session=%ZZ' } });
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ result: { data: null } });
	});

	it('refuses a state-changing request from another site', async () => {
		const attacker = app.client({ origin: 'https://evil.example' });
		const refused = await failure(attacker.auth.signIn.mutate({ email: coach.email, password: strongPassword }));
		expect(refused.message).toMatch(/another site/);
	});

	it('falls back on Sec-Fetch-Site when a browser sends no Origin', async () => {
		const signIn = (site: string) =>
			send('auth.signIn', { input: { email: coach.email, password: strongPassword }, headers: { 'sec-fetch-site': site } });
		const crossSite = await signIn('cross-site');
		expect(crossSite.status).toBe(403);
		expect(crossSite.headers.getSetCookie()).toEqual([]);
		const sameOrigin = await signIn('same-origin');
		expect(sameOrigin.status).toBe(200);
		expect(sameOrigin.headers.getSetCookie()).toHaveLength(1);
	});
});

describe('wrong passwords slow down whoever guesses, not the account owner', () => {
	beforeEach(async () => {
		await app.client().auth.signUpCoach.mutate(coach);
	});

	const attempt = (client: TestClient, password: string) => failure(client.auth.signIn.mutate({ email: coach.email, password }));

	it('keeps the owner signing in while an attacker elsewhere hammers the account', async () => {
		const attacker = app.client({ clientAddress: '10.0.0.66' });
		const answers = [];
		for (let i = 0; i < 30; i++) answers.push(await attempt(attacker, `guess number ${i}`));
		expect(answers.slice(0, 5).map((answer) => answer.fieldErrors?.password?.[0])).toEqual(Array(5).fill(expect.stringMatching(/do not match/)));
		expect(answers.slice(5).map((answer) => answer.code)).toEqual(Array(25).fill('TOO_MANY_REQUESTS'));

		const maya = app.client({ clientAddress: '10.0.0.7' });
		await maya.auth.signIn.mutate({ email: coach.email, password: strongPassword });
		expect((await maya.auth.me.query())?.email).toBe(coach.email);

		const toldToWait = await attempt(attacker, strongPassword);
		expect(toldToWait.code).toBe('TOO_MANY_REQUESTS');
		expect(toldToWait.message).toMatch(/Try again in 15 seconds\. Or use "Email me a sign-in link"/);
		app.clock.advance(15_000);
		expect((await attempt(attacker, 'one more guess')).fieldErrors?.password?.[0]).toMatch(/do not match/);
		expect((await attempt(attacker, strongPassword)).message).toMatch(/Try again in 30 seconds/);

		await app.client({ clientAddress: '10.0.0.7' }).auth.requestSignInLink.mutate({ email: coach.email });
		const link = app.linksSentTo(coach.email).find((l) => l.includes('/signin/link/'))!;
		const byLink = app.client({ clientAddress: '10.0.0.7' });
		await byLink.auth.redeemSignInLink.mutate({ token: tokenOf(link) });
		expect((await byLink.auth.me.query())?.email).toBe(coach.email);
	});

	it('doubles the wait after each failure up to 15 minutes, and forgets the failures after a right password', async () => {
		const browser = app.client({ clientAddress: '10.0.0.7' });
		for (let i = 0; i < 5; i++) await attempt(browser, 'wrong password!');
		const waits = [];
		for (let i = 0; i < 8; i++) {
			const { message } = await attempt(browser, 'wrong password!');
			const [, amount, unit] = message.match(/Try again in (\d+) (second|minute)/)!;
			waits.push(`${amount} ${unit}`);
			app.clock.advance(Number(amount) * (unit === 'second' ? 1000 : 60_000));
			await attempt(browser, 'wrong password!');
		}
		expect(waits).toEqual(['15 second', '30 second', '1 minute', '2 minute', '4 minute', '8 minute', '15 minute', '15 minute']);
		app.clock.advance(15 * 60_000);
		await browser.auth.signIn.mutate({ email: coach.email, password: strongPassword });
		for (let i = 0; i < 5; i++) expect((await attempt(browser, 'wrong password!')).code).toBe('BAD_REQUEST');
	});

	it('caps failed sign-ins from one network across all accounts; sign-ins that succeed do not count', { timeout: 120_000 }, async () => {
		const office = () => app.client({ clientAddress: '10.0.0.66' });
		const spray = (from: number, to: number) =>
			Promise.all(
				Array.from({ length: to - from }, (_, i) => failure(office().auth.signIn.mutate({ email: `person${from + i}@example.com`, password: 'Summer2026!!' })))
			);
		expect((await spray(0, 49)).map((answer) => answer.code)).toEqual(Array(49).fill('BAD_REQUEST'));
		await office().auth.signIn.mutate({ email: coach.email, password: strongPassword });
		expect((await spray(49, 50)).map((answer) => answer.code)).toEqual(['BAD_REQUEST']);
		const capped = (await spray(50, 51))[0]!;
		expect(capped.code).toBe('TOO_MANY_REQUESTS');
		expect(capped.message).toMatch(/from your network/);
		await app.client({ clientAddress: '10.0.0.7' }).auth.signIn.mutate({ email: coach.email, password: strongPassword });
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

	it('refuses a guessable new password without spending the link', async () => {
		await app.client().auth.requestPasswordReset.mutate({ email: coach.email });
		const [link] = app.linksSentTo(coach.email).filter((l) => l.includes('/reset/'));
		const weak = await failure(app.client().auth.resetPassword.mutate({ token: tokenOf(link!), password: 'qwertyuiop' }));
		expect(weak.fieldErrors?.password?.[0]).toMatch(/frequently used/);
		await app.client().auth.resetPassword.mutate({ token: tokenOf(link!), password: 'a brand new passphrase' });
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

	it('spends an older reset link once a newer one was used', async () => {
		await app.client().auth.requestPasswordReset.mutate({ email: coach.email });
		await app.client().auth.requestPasswordReset.mutate({ email: coach.email });
		const [newer, older] = app.linksSentTo(coach.email).filter((l) => l.includes('/reset/'));
		await app.client().auth.resetPassword.mutate({ token: tokenOf(newer!), password: 'a brand new passphrase' });
		const stale = await failure(app.client().auth.resetPassword.mutate({ token: tokenOf(older!), password: 'the attackers passphrase' }));
		expect(stale.fieldErrors?.token?.[0]).toMatch(/newer link replaced it\. Ask for a new one/);
		await app.client().auth.signIn.mutate({ email: coach.email, password: 'a brand new passphrase' });
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

	it('signs in exactly once when the link is opened five times at once', async () => {
		const link = await requestLink();
		const browsers = Array.from({ length: 5 }, () => app.client());
		const outcomes = await Promise.allSettled(browsers.map((browser) => browser.auth.redeemSignInLink.mutate({ token: tokenOf(link) })));
		expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
		const signedIn = await Promise.all(browsers.map((browser) => browser.auth.me.query()));
		expect(signedIn.filter(Boolean)).toHaveLength(1);
	});

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

describe('change password', () => {
	let browser: TestClient;
	beforeEach(async () => {
		browser = app.client();
		await browser.auth.signUpCoach.mutate(coach);
	});

	const change = (currentPassword: string, newPassword = 'a brand new passphrase') =>
		browser.auth.changePassword.mutate({ currentPassword, newPassword });

	it('ends every other session, keeps this one, and spends open reset links', async () => {
		const laptop = app.client();
		await laptop.auth.signIn.mutate({ email: coach.email, password: strongPassword });
		await app.client().auth.requestPasswordReset.mutate({ email: coach.email });
		const [resetLink] = app.linksSentTo(coach.email).filter((l) => l.includes('/reset/'));
		await change(strongPassword);
		expect((await browser.auth.me.query())?.email).toBe(coach.email);
		expect(await laptop.auth.me.query()).toBeNull();
		const stale = await failure(app.client().auth.resetPassword.mutate({ token: tokenOf(resetLink!), password: 'the attackers passphrase' }));
		expect(stale.fieldErrors?.token?.[0]).toMatch(/newer link replaced it/);
		await app.client().auth.signIn.mutate({ email: coach.email, password: 'a brand new passphrase' });
	});

	it('refuses a guessable new password under its field and keeps the old one', async () => {
		const weak = await failure(change(strongPassword, 'maya@example.com'));
		expect(weak.fieldErrors?.newPassword?.[0]).toMatch(/less common|easy to guess/);
		await app.client().auth.signIn.mutate({ email: coach.email, password: strongPassword });
	});

	it('makes whoever guesses the current password wait, longer after each wrong guess', async () => {
		for (let i = 0; i < 5; i++) expect((await failure(change(`guess number ${i}`))).fieldErrors?.currentPassword?.[0]).toMatch(/not right/);
		const waiting = await failure(change(strongPassword));
		expect(waiting.code).toBe('TOO_MANY_REQUESTS');
		expect(waiting.message).toMatch(/Try again in 15 seconds/);
		app.clock.advance(15_000);
		await failure(change('guess number 5'));
		expect((await failure(change(strongPassword))).message).toMatch(/Try again in 30 seconds/);
		app.clock.advance(30_000);
		await change(strongPassword);
		await app.client().auth.signIn.mutate({ email: coach.email, password: 'a brand new passphrase' });
	});
});

describe('sign-up abuse', () => {
	const person = (i: number) => ({ ...coach, email: `coach${i}@example.com` });

	it('allows ten sign-ups an hour from one network, either kind, and nothing past that', async () => {
		const network = () => app.client({ clientAddress: '10.0.0.66' });
		for (let i = 0; i < 5; i++) await network().auth.signUpCoach.mutate(person(i));
		for (let i = 5; i < 10; i++) await network().auth.signUpOrganisation.mutate({ ...person(i), organisationName: `Firm ${i}`, kind: 'firm' });
		const coachRefused = await failure(network().auth.signUpCoach.mutate(person(10)));
		const firmRefused = await failure(network().auth.signUpOrganisation.mutate({ ...person(11), organisationName: 'Firm 11', kind: 'firm' }));
		for (const refused of [coachRefused, firmRefused]) {
			expect(refused.code).toBe('TOO_MANY_REQUESTS');
			expect(refused.message).toMatch(/from your network.*Try again in 60 minutes/);
		}
		expect(app.mailer.list()).toHaveLength(10);
		await app.client({ clientAddress: '10.0.0.7' }).auth.signUpCoach.mutate(person(12));
		app.clock.advance(60 * 60_000);
		await network().auth.signUpCoach.mutate(person(10));
	});

	it('answers concurrent sign-ups with one email by one account and field messages, leaking nothing', async () => {
		const responses = await Promise.all(Array.from({ length: 5 }, () => send('auth.signUpCoach', { input: coach, headers: { origin: appUrl } })));
		const bodies = await Promise.all(responses.map((response) => response.text()));
		expect(responses.map((response) => response.status).sort()).toEqual([200, 409, 409, 409, 409]);
		for (const body of bodies.filter((_, i) => responses[i]!.status === 409)) {
			expect(JSON.parse(body).error.data.fieldErrors.email[0]).toMatch(/already exists/);
		}
		for (const body of bodies) expect(body).not.toMatch(/INSERT|SQLITE|scrypt\$|password_hash/i);
	});

	it('refuses line breaks and bidi controls in names, so they never reach an email', async () => {
		const headerInjection = await failure(app.client().auth.signUpCoach.mutate({ ...coach, firstName: 'Eve\r\nBcc: x@evil.example' }));
		const reversed = await failure(app.client().auth.signUpCoach.mutate({ ...coach, lastName: '\u202Eevil' }));
		const organisation = await failure(
			app.client().auth.signUpOrganisation.mutate({ ...coach, organisationName: 'Acme\u0000Corp', kind: 'firm' })
		);
		expect(headerInjection.fieldErrors?.firstName).toEqual([singleLineMessage]);
		expect(reversed.fieldErrors?.lastName).toEqual([singleLineMessage]);
		expect(organisation.fieldErrors?.organisationName).toEqual([singleLineMessage]);
		expect(app.mailer.list()).toEqual([]);

		const browser = app.client();
		await browser.auth.signUpCoach.mutate(coach);
		const profile = await failure(browser.auth.updateProfile.mutate({ name: 'Maya\u2066 Admin' }));
		expect(profile.fieldErrors?.name).toEqual([singleLineMessage]);
		expect((await browser.auth.me.query())?.name).toBe('Maya Lindqvist');
	});
});
