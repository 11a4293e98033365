/**
 * Attacks on invitation links: a coach redirecting a link to someone else's address (in
 * sequence and as a race), a change refused by the rate limit, twin accepts of one link,
 * an interrupted accept, and a group saved with a repeated member.
 */
import { eq } from 'drizzle-orm';
import { TRPCClientError } from '@trpc/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openControlDb, openTenantDb } from '../db';
import { memberships, rateLimits, tenants, users } from '../db/control/schema';
import { people } from '../db/tenant/schema';
import { createTestApp, failure, strongPassword, tokenOf, type TestApp, type TestClient } from '../testing/harness';

let app: TestApp;
let admin: TestClient;
let coach: TestClient;
let coachPersonId: string;

const tenant = 'acme';
const attackerInbox = 'cole.private@example.com';
const victim = 'victim@example.com';

const inviteLink = (email: string) => app.linksSentTo(email).find((link) => link.includes('/invite/'))!;
const accept = (link: string, browser = app.client()) =>
	browser.invitations.accept.mutate({ tenant, token: tokenOf(link), firstName: 'Vic', lastName: 'Tim', password: strongPassword });
const addCoachee = (email: string) =>
	coach.coachees.create.mutate({ tenant, firstName: 'Vic', lastName: 'Tim', email, sendInvitation: true });
const changeEmail = (coacheeId: string, email: string) =>
	coach.coachees.update.mutate({ tenant, coacheeId, firstName: 'Vic', lastName: 'Tim', email });
const accountFor = (email: string) => openControlDb(app.platform).query.users.findFirst({ where: eq(users.email, email) });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const tenantRow = async () => (await openControlDb(app.platform).query.tenants.findFirst({ where: eq(tenants.slug, tenant) }))!;
const tenantDb = async () => openTenantDb(app.platform, await tenantRow());

/** Uses up the coach's invitations for this hour (the limit is 200 an hour), but `left`. */
async function exhaustInvitationLimit(left = 0) {
	const { id: tenantId } = await tenantRow();
	const count = 200 - left;
	await openControlDb(app.platform)
		.insert(rateLimits)
		.values({ key: `invite:${tenantId}:${coachPersonId}`, windowStart: app.clock.now(), count })
		.onConflictDoUpdate({ target: rateLimits.key, set: { windowStart: app.clock.now(), count } });
}

/** What a caller sees of a call: success, or the error code and the whole error body. */
async function outcome(call: Promise<unknown>) {
	try {
		await call;
		return { ok: true as const };
	} catch (error) {
		if (!(error instanceof TRPCClientError)) throw error;
		const code = (error.data as { code?: string } | undefined)?.code;
		return { ok: false as const, code, message: error.message, body: `${error.message} ${JSON.stringify(error.shape)}` };
	}
}

beforeEach(async () => {
	app = await createTestApp();
	admin = await app.signUpOrganisation('Acme', 'ada@acme.example');
	({ id: coachPersonId } = await admin.members.invite.mutate({ tenant, email: 'cole@acme.example', firstName: 'Cole', lastName: 'Coach', role: 'coach' }));
	coach = app.client();
	await accept(inviteLink('cole@acme.example'), coach);
});
afterEach(() => app.cleanup());

describe('a coach redirecting an invitation to someone else’s address', () => {
	it('the attack in sequence: the change is refused by the limit, then revokes the old link once it goes through', async () => {
		const { id } = await addCoachee(attackerInbox);
		const oldLink = inviteLink(attackerInbox);
		await exhaustInvitationLimit();
		expect(await failure(changeEmail(id, victim))).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
		app.clock.advance(61 * 60_000);
		await changeEmail(id, victim);

		const refused = await failure(accept(oldLink));
		expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/no longer valid/) });
		expect(await accountFor(victim)).toBeUndefined();
		expect(await accountFor(attackerInbox)).toBeUndefined();

		await accept(inviteLink(victim));
		expect((await accountFor(victim))?.emailVerifiedAt).toBeTruthy();
		expect((await coach.coachees.get.query({ tenant, coacheeId: id })).status).toBe('active');
	});

	it('saves nothing when the change is refused by the invitation rate limit', async () => {
		const { id } = await addCoachee(attackerInbox);
		await exhaustInvitationLimit();
		expect(await failure(changeEmail(id, victim))).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
		expect((await coach.coachees.get.query({ tenant, coacheeId: id })).email).toBe(attackerInbox);
		await accept(inviteLink(attackerInbox));
		expect(await accountFor(victim)).toBeUndefined();
		expect(await accountFor(attackerInbox)).toBeTruthy();
	});

	it('a link works only for the address it was sent to, even if the person’s address changed without revoking it', async () => {
		const { id } = await addCoachee(attackerInbox);
		const db = await tenantDb();
		await db.update(people).set({ email: victim }).where(eq(people.id, id));
		expect((await failure(accept(inviteLink(attackerInbox)))).message).toMatch(/no longer valid/);
		expect(await accountFor(victim)).toBeUndefined();
	});

	it('racing the email change against accepting the old link never yields an account for the new address', async () => {
		for (let round = 0; round < 10; round++) {
			const inbox = `cole.private+${round}@example.com`;
			const target = `victim${round}@example.com`;
			const { id } = await addCoachee(inbox);
			// The change starts a little later each round, so it lands at different points of the
			// accept (the assertions hold whichever wins).
			const [accepted, changed] = await Promise.all([
				outcome(accept(inviteLink(inbox))),
				pause(round * 100).then(() => outcome(changeEmail(id, target)))
			]);

			expect(await accountFor(target)).toBeUndefined();
			const coachee = await coach.coachees.get.query({ tenant, coacheeId: id });
			if (accepted.ok) {
				expect(coachee).toMatchObject({ status: 'active', email: inbox });
				expect(changed).toMatchObject({ ok: false, code: 'CONFLICT' });
			} else {
				expect(accepted.code).toMatch(/^(BAD_REQUEST|CONFLICT)$/);
				expect(accepted.message).toMatch(/no longer valid/);
				expect(changed.ok).toBe(true);
				expect(coachee).toMatchObject({ status: 'invited', email: target });
			}
		}
	});
});

describe('the emailed link', () => {
	it('opens in two round trips: the workspace, then the link with its person', async () => {
		await addCoachee('new.coachee@example.com');
		const token = tokenOf(inviteLink('new.coachee@example.com'));
		const visitor = app.client();
		expect(await app.countRoundTrips(() => visitor.invitations.preview.query({ tenant, token }))).toEqual({ control: 1, tenant: 1 });
	});

	it("asks the coachee to press the button the email named", async () => {
		await addCoachee('new.coachee@example.com');
		const email = app.mailer.list().find((sent) => sent.to === 'new.coachee@example.com')!;
		expect(email.text).toContain('Activate your account: http');
		const preview = await app.client().invitations.preview.query({ tenant, token: tokenOf(inviteLink('new.coachee@example.com')) });
		expect(preview).toMatchObject({ acceptLabel: 'Activate your account' });
	});
});

describe('the invitation limit', () => {
	it('counts adding and inviting a coachee as one invitation', async () => {
		await exhaustInvitationLimit(1);
		const { id } = await addCoachee('last.one@example.com');
		expect((await coach.coachees.get.query({ tenant, coacheeId: id })).status).toBe('invited');
		expect(await failure(addCoachee('one.more@example.com'))).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
	});
});

describe('accepting one link several times at once', () => {
	it('lets exactly one request win; the others are told to sign in, with nothing internal in the answer', async () => {
		await addCoachee(attackerInbox);
		const link = inviteLink(attackerInbox);
		const results = await Promise.all(Array.from({ length: 5 }, () => outcome(accept(link))));

		expect(results.filter((result) => result.ok)).toHaveLength(1);
		const { passwordHash } = (await accountFor(attackerInbox))!;
		for (const result of results) {
			if (result.ok) continue;
			expect(result.code).toMatch(/^(CONFLICT|FORBIDDEN|BAD_REQUEST)$/);
			expect(result.message).toMatch(/Sign in/);
			expect(result.body).not.toMatch(/SQLITE|SQL|insert into|constraint/i);
			expect(result.body).not.toContain(passwordHash!);
		}
	});
});

describe('an accept interrupted before the membership was written', () => {
	/** The state a crash between the tenant claim and the membership write leaves behind. */
	async function interruptedAccept() {
		const { id } = await addCoachee(attackerInbox);
		const link = inviteLink(attackerInbox);
		await accept(link);
		const account = (await accountFor(attackerInbox))!;
		await openControlDb(app.platform).delete(memberships).where(eq(memberships.userId, account.id));
		return { id, link, account };
	}

	const membershipOf = async (userId: string) =>
		openControlDb(app.platform).query.memberships.findFirst({ where: eq(memberships.userId, userId) });

	it('is finished when the same person signs in and opens the link again', async () => {
		const { link } = await interruptedAccept();
		const invitee = app.client();
		await invitee.auth.signIn.mutate({ email: attackerInbox, password: strongPassword });
		expect(await failure(invitee.tenancy.current.query({ tenant }))).toMatchObject({ code: 'FORBIDDEN' });
		await invitee.invitations.accept.mutate({ tenant, token: tokenOf(link), firstName: 'Vic', lastName: 'Tim' });
		expect((await invitee.tenancy.current.query({ tenant })).roles).toEqual(['coachee']);
	});

	it('grants nothing to anyone else opening the spent link', async () => {
		const { link, account } = await interruptedAccept();
		expect((await failure(accept(link))).message).toMatch(/already been accepted/);
		expect(await failure(accept(link, coach))).toMatchObject({ code: 'BAD_REQUEST' });
		expect(await membershipOf(account.id)).toBeUndefined();
		expect((await coach.tenancy.current.query({ tenant })).roles).toEqual(['coach']);
	});
});

describe('coachee groups', () => {
	it('saves a group whose member list repeats a coachee, with that coachee once', async () => {
		const a = (await admin.coachees.create.mutate({ tenant, firstName: 'A', lastName: 'One', email: 'a@example.com', sendInvitation: false })).id;
		const b = (await admin.coachees.create.mutate({ tenant, firstName: 'B', lastName: 'Two', email: 'b@example.com', sendInvitation: false })).id;
		const { id } = await admin.coachees.createGroup.mutate({ tenant, name: 'Leaders', memberIds: [a, a] });
		expect((await admin.coachees.group.query({ tenant, groupId: id })).members.map((m) => m.id)).toEqual([a]);
		await admin.coachees.updateGroup.mutate({ tenant, groupId: id, name: 'Leaders', memberIds: [b, a, b] });
		expect((await admin.coachees.group.query({ tenant, groupId: id })).members.map((m) => m.id).sort()).toEqual([a, b].sort());
	});
});
