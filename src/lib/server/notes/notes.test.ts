/**
 * Private notes through the real HTTP handler: only their author ever reads them (not an
 * admin, not the coachee, not the next coach after a reassignment), search escapes LIKE's
 * wildcards, and the list pages newest first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure } from '../testing/harness';
import { coachingFixture, tenant, type CoachingFixture } from '../testing/coaching-fixture';

let f: CoachingFixture;
beforeEach(async () => (f = await coachingFixture()));
afterEach(() => f.app.cleanup());

const ofJo = <T extends object>(extra?: T) => ({ tenant, coacheeId: f.joId, ...(extra as T) });

describe('notes', () => {
	it('keeps a coach’s notes newest first, with edit and delete', async () => {
		const { id: first } = await f.coach.notes.create.mutate(ofJo({ title: 'Intake', body: 'Wants to lead the Q1 offsite.' }));
		f.app.clock.advance(60_000);
		const { id: second } = await f.coach.notes.create.mutate(ofJo({ title: 'Week 2', body: 'Nervous about the board.' }));
		let list = await f.coach.notes.list.query(ofJo());
		expect(list.rows.map((n) => n.id)).toEqual([second, first]);
		expect(list.total).toBe(2);

		await f.coach.notes.update.mutate(ofJo({ noteId: first, title: 'Intake session', body: 'Wants to lead the Q1 offsite, with Sam.' }));
		expect(await f.coach.notes.get.query(ofJo({ noteId: first }))).toMatchObject({ title: 'Intake session', body: 'Wants to lead the Q1 offsite, with Sam.' });

		expect(await f.coach.notes.delete.mutate(ofJo({ noteId: second }))).toEqual({ title: 'Week 2' });
		list = await f.coach.notes.list.query(ofJo());
		expect(list.rows.map((n) => n.title)).toEqual(['Intake session']);
	});

	it('pages 25 at a time', async () => {
		for (let i = 1; i <= 27; i++) {
			await f.coach.notes.create.mutate(ofJo({ title: `Note ${i}`, body: 'Body' }));
			f.app.clock.advance(1000);
		}
		const second = await f.coach.notes.list.query(ofJo({ page: 2 }));
		expect(second.total).toBe(27);
		expect(second.rows.map((n) => n.title)).toEqual(['Note 2', 'Note 1']);
	});

	it('searches title and note for every word, taking % and _ literally', async () => {
		await f.coach.notes.create.mutate(ofJo({ title: 'Budget', body: 'Cut travel by 10% next quarter.' }));
		await f.coach.notes.create.mutate(ofJo({ title: 'Offsite plan', body: 'Agenda draft_v2 agreed with the board.' }));
		await f.coach.notes.create.mutate(ofJo({ title: 'Feedback', body: 'Team says 100 percent yes.' }));
		const titles = async (q: string) => (await f.coach.notes.list.query(ofJo({ q }))).rows.map((n) => n.title);
		expect(await titles('10%')).toEqual(['Budget']);
		expect(await titles('draft_')).toEqual(['Offsite plan']);
		expect(await titles('%')).toEqual(['Budget']);
		expect(await titles('BOARD offsite')).toEqual(['Offsite plan']);
		expect(await titles('nothing like this')).toEqual([]);
	});

	it('refuses a note without a title or words, saying which field', async () => {
		const refusal = await failure(f.coach.notes.create.mutate(ofJo({ title: ' ', body: ' ' })));
		expect(refusal.code).toBe('BAD_REQUEST');
		expect(Object.keys(refusal.fieldErrors ?? {}).sort()).toEqual(['body', 'title']);
		expect((await f.coach.notes.list.query(ofJo())).total).toBe(0);
	});

	it('shows no one else a coach’s notes: not the admin, the coachee, another coach or an authorized user', async () => {
		const { id: noteId } = await f.coach.notes.create.mutate(ofJo({ title: 'Private', body: 'Only Cole reads this.' }));
		for (const [who, client] of [['admin', f.admin], ['coachee', f.jo], ['other coach', f.otherCoach], ['spectator', f.spectator]] as const) {
			for (const call of [
				() => client.notes.list.query(ofJo()),
				() => client.notes.get.query(ofJo({ noteId })),
				() => client.notes.update.mutate(ofJo({ noteId, title: 'Hijacked', body: 'Hijacked' })),
				() => client.notes.delete.mutate(ofJo({ noteId })),
				() => client.notes.create.mutate(ofJo({ title: 'Planted', body: 'Planted' }))
			]) {
				const refusal = await failure(call());
				expect(['FORBIDDEN', 'NOT_FOUND'], who).toContain(refusal.code);
				expect(refusal.message).not.toContain('Only Cole');
			}
		}
		expect(await f.coach.notes.get.query(ofJo({ noteId }))).toMatchObject({ title: 'Private', body: 'Only Cole reads this.' });
		expect((await f.coach.notes.list.query(ofJo())).total).toBe(1);
	});

	it('keeps notes with their author when the coachee moves to another coach', async () => {
		const { id: noteId } = await f.coach.notes.create.mutate(ofJo({ title: 'Cole’s', body: 'Before the move.' }));
		await f.admin.coachees.assignCoach.mutate({ tenant, coacheeIds: [f.joId], coachId: f.otherCoachId });
		const theirs = await f.otherCoach.notes.list.query(ofJo());
		expect(theirs.rows).toEqual([]);
		expect((await failure(f.otherCoach.notes.get.query(ofJo({ noteId })))).code).toBe('NOT_FOUND');
		expect((await failure(f.otherCoach.notes.delete.mutate(ofJo({ noteId })))).code).toBe('NOT_FOUND');
		// Cole no longer sees Jo at all.
		expect((await failure(f.coach.notes.list.query(ofJo()))).code).toBe('NOT_FOUND');
	});

	it('reads the Notes tab in one tenant round trip', async () => {
		await f.coach.notes.create.mutate(ofJo({ title: 'One', body: 'Body' }));
		const fresh = f.app.client();
		await fresh.auth.signIn.mutate({ email: 'cole@acme.example', password: 'correct horse battery staple' });
		expect(await f.app.countRoundTrips(() => fresh.notes.list.query(ofJo({ q: 'body' })))).toEqual({ control: 1, tenant: 1 });
	});
});
