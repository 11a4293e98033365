/**
 * Session Logs through the real HTTP handler: Date and Time in the logger's zone, shown in
 * each viewer's zone with the zone named; the attendance figures of the Activity Summary;
 * the coachee reads their own and changes nothing; other coaches and authorized users are
 * refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure } from '../testing/harness';
import { coachingFixture, tenant, type CoachingFixture } from '../testing/coaching-fixture';

let f: CoachingFixture;
beforeEach(async () => {
	f = await coachingFixture();
	await f.coach.tenancy.setTimeZone.mutate({ tenant, timeZone: 'Europe/Paris' });
});
afterEach(() => f.app.cleanup());

const ofJo = <T extends object>(extra?: T) => ({ tenant, coacheeId: f.joId, ...(extra as T) });
const session = (extra: Partial<{ title: string; date: string; time: string; durationMinutes: number; status: 'attended' | 'cancelled' | 'no_show' | 'late' }> = {}) =>
	ofJo({ title: 'Kick-off', date: '2026-11-20', time: '14:30', durationMinutes: 60, status: 'attended' as const, ...extra });

describe('session logs', () => {
	it('takes Date and Time in the coach’s zone and shows each viewer the moment in theirs, zone named', async () => {
		const { id } = await f.coach.sessions.create.mutate(session());
		const [row] = (await f.coach.sessions.list.query(ofJo())).rows;
		expect(row).toMatchObject({ id, title: 'Kick-off', heldAt: '2026-11-20T13:30:00.000Z', duration: '1 h', status: 'attended', coach: 'Cole Acme' });
		expect(row!.when).toBe('Fri, 20 Nov 2026, 14:30');
		expect((await f.coach.sessions.list.query(ofJo())).timeZone).toBe('Europe/Paris');
		const asAdmin = await f.admin.sessions.list.query(ofJo());
		expect([asAdmin.rows[0]!.when, asAdmin.timeZone]).toEqual(['Fri, 20 Nov 2026, 13:30', 'UTC']);
		expect(await f.coach.sessions.get.query(ofJo({ sessionId: id }))).toMatchObject({ date: '2026-11-20', time: '14:30', timeZone: 'Europe/Paris' });
	});

	it('lists newest first, edits and deletes, and adds an Activity line for each session logged', async () => {
		const { id: older } = await f.coach.sessions.create.mutate(session({ title: 'First', date: '2026-10-01' }));
		const { id: newer } = await f.admin.sessions.create.mutate(session({ title: 'Second', date: '2026-11-01', status: 'late', durationMinutes: 45 }));
		expect((await f.coach.sessions.list.query(ofJo())).rows.map((r) => r.id)).toEqual([newer, older]);
		// An admin logging for a coachee records their coach as the one who held it.
		expect((await f.coach.sessions.list.query(ofJo())).rows[0]!.coach).toBe('Cole Acme');

		await f.coach.sessions.update.mutate(ofJo({ sessionId: older, title: 'First, renamed', date: '2026-12-01', time: '09:00', durationMinutes: 30, status: 'no_show' }));
		expect((await f.coach.sessions.list.query(ofJo())).rows.map((r) => [r.title, r.status])).toEqual([['First, renamed', 'no_show'], ['Second', 'late']]);
		expect(await f.coach.sessions.delete.mutate(ofJo({ sessionId: newer }))).toEqual({ title: 'Second' });

		const profile = await f.coach.coachees.get.query(ofJo());
		expect(profile.activity.events.map((e) => e.summary)).toEqual(
			expect.arrayContaining(['Session “First” logged by Cole Acme: Attended, 1 h', 'Session “Second” logged by Ada Admin: Late, 45 min'])
		);
	});

	it('counts attendance and the hours attended (Late sessions were held) for the Activity Summary', async () => {
		await f.coach.sessions.create.mutate(session({ status: 'attended', durationMinutes: 60 }));
		await f.coach.sessions.create.mutate(session({ status: 'attended', durationMinutes: 90 }));
		await f.coach.sessions.create.mutate(session({ status: 'late', durationMinutes: 45 }));
		await f.coach.sessions.create.mutate(session({ status: 'no_show', durationMinutes: 60 }));
		await f.coach.sessions.create.mutate(session({ status: 'cancelled', durationMinutes: 60 }));
		const { attendance } = await f.coach.coachees.get.query(ofJo());
		expect(attendance).toEqual({ attended: 2, late: 1, noShow: 1, cancelled: 1, hours: 3.3 });
		const fresh = f.app.client();
		await fresh.auth.signIn.mutate({ email: 'cole@acme.example', password: 'correct horse battery staple' });
		expect(await f.app.countRoundTrips(() => fresh.coachees.get.query(ofJo()))).toEqual({ control: 1, tenant: 1 });
	});

	it('refuses each bad field with its own message and logs nothing', async () => {
		const refusal = await failure(f.coach.sessions.create.mutate(session({ title: '', date: '2026-02-30', time: '25:00', durationMinutes: 0, status: 'maybe' as 'late' })));
		expect(Object.keys(refusal.fieldErrors ?? {}).sort()).toEqual(['date', 'durationMinutes', 'status', 'time', 'title']);
		expect((await f.coach.sessions.list.query(ofJo())).total).toBe(0);
	});

	it('lets the coachee read their own sessions and nothing more, and refuses other coaches and authorized users', async () => {
		const { id: sessionId } = await f.coach.sessions.create.mutate(session());
		expect((await f.jo.sessions.list.query(ofJo())).rows.map((r) => r.title)).toEqual(['Kick-off']);
		expect((await f.jo.sessions.list.query(ofJo())).canManage).toBe(false);
		const attempts = (client: CoachingFixture['jo']) => [
			() => client.sessions.create.mutate(session({ title: 'Planted' })),
			() => client.sessions.update.mutate(ofJo({ sessionId, title: 'Hijacked', date: '2026-11-20', time: '10:00', durationMinutes: 5, status: 'no_show' })),
			() => client.sessions.delete.mutate(ofJo({ sessionId })),
			() => client.sessions.get.query(ofJo({ sessionId }))
		];
		for (const call of attempts(f.jo)) expect((await failure(call())).code).toBe('FORBIDDEN');
		for (const client of [f.otherCoach, f.spectator]) {
			for (const call of [...attempts(client), () => client.sessions.list.query(ofJo())]) expect(['FORBIDDEN', 'NOT_FOUND']).toContain((await failure(call())).code);
		}
		// Another coachee's sessions are not Jo's to read.
		expect((await failure(f.jo.sessions.list.query({ tenant, coacheeId: f.kimId }))).code).toBe('NOT_FOUND');
		expect((await f.coach.sessions.list.query(ofJo())).rows).toMatchObject([{ title: 'Kick-off', status: 'attended' }]);
	});
});
