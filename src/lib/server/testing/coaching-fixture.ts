/**
 * The workspace the per-coachee record tests share (goals, files, notes, sessions, the
 * Notepad, assessments): Ada the admin (not a coach), Cole and Olga the coaches, Sal an
 * authorized user, Jo (Cole's coachee, who has accepted) and Kim (Cole's too: not invited, or
 * signed in as well with `kimAccepts`). The clock starts on Monday 2026-11-23 09:00 UTC.
 */
import { createTestApp, strongPassword, tokenOf, type TestApp, type TestClient } from './harness';

export const tenant = 'acme';

export interface CoachingFixture {
	app: TestApp;
	admin: TestClient;
	coach: TestClient;
	otherCoach: TestClient;
	spectator: TestClient;
	jo: TestClient;
	joId: string;
	/** Signed in only with `kimAccepts`. */
	kim: TestClient;
	kimId: string;
	otherCoachId: string;
}

export async function coachingFixture({ kimAccepts = false } = {}): Promise<CoachingFixture> {
	const app = await createTestApp();
	const accept = async (email: string, firstName: string) => {
		const link = app.linksSentTo(email).find((l) => l.includes('/invite/'))!;
		const client = app.client();
		await client.invitations.accept.mutate({ tenant, token: tokenOf(link), firstName, lastName: 'Acme', password: strongPassword });
		return client;
	};
	const admin = await app.signUpOrganisation('Acme', 'ada@acme.example');
	const invite = (email: string, firstName: string, role: 'coach' | 'spectator') => admin.members.invite.mutate({ tenant, email, firstName, lastName: 'Acme', role });
	await invite('cole@acme.example', 'Cole', 'coach');
	const { id: otherCoachId } = await invite('olga@acme.example', 'Olga', 'coach');
	await invite('sal@acme.example', 'Sal', 'spectator');
	const coach = await accept('cole@acme.example', 'Cole');
	const otherCoach = await accept('olga@acme.example', 'Olga');
	const spectator = await accept('sal@acme.example', 'Sal');
	const { id: joId } = await coach.coachees.create.mutate({ tenant, firstName: 'Jo', lastName: 'Lee', email: 'jo@client.example', sendInvitation: true });
	const { id: kimId } = await coach.coachees.create.mutate({ tenant, firstName: 'Kim', lastName: 'Park', email: 'kim@client.example', sendInvitation: kimAccepts });
	const jo = await accept('jo@client.example', 'Jo');
	const kim = kimAccepts ? await accept('kim@client.example', 'Kim') : app.client();
	return { app, admin, coach, otherCoach, spectator, jo, joId, kim, kimId, otherCoachId };
}
