/** Bulk data for benchmarks: plain batched INSERTs, far faster than going through the services. */
import type { Client } from '@libsql/client';

const firstNames = ['Ava', 'Ben', 'Chloe', 'Dan', 'Ella', 'Finn', 'Grace', 'Hugo', 'Isla', 'Jack', 'Kai', 'Lara', 'Milo', 'Nora', 'Omar', 'Pia'];
const lastNames = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Wright', 'Khan', 'Walker', 'Evans', 'Roberts', 'Nguyen', 'Garcia', 'Silva', 'Müller', 'Rossi', 'Kowalski'];
const statuses = ['active', 'invited', 'not_invited'] as const;

export async function seedFirm(db: Client, size: { coaches: number; coachees: number }) {
	const now = Date.now();
	const coachIds = Array.from({ length: size.coaches }, (_, i) => `coach-${i}`);
	const insertPerson = (id: string, first: string, last: string, email: string, roles: string, status: string, coachId: string | null, activity: number | null) => ({
		sql: `INSERT INTO people (id, email, first_name, last_name, roles, status, coach_id, last_activity_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		args: [id, email, first, last, roles, status, coachId, activity, now - 90 * 86_400_000]
	});
	await db.batch(
		coachIds.map((id, i) => insertPerson(id, firstNames[i % 16]!, `Coach${i}`, `coach${i}@bench.example`, '["coach"]', 'active', null, null)),
		'write'
	);
	for (let start = 0; start < size.coachees; start += 500) {
		const batch = [];
		for (let i = start; i < Math.min(size.coachees, start + 500); i++) {
			const id = `coachee-${i}`;
			batch.push(
				insertPerson(id, firstNames[i % 16]!, lastNames[(i * 7) % 20]!, `coachee${i}@client.example`, '["coachee"]', statuses[i % 3]!, coachIds[i % size.coaches]!, now - (i % 1000) * 60_000),
				{ sql: `INSERT INTO activity_events (id, person_id, kind, summary, created_at) VALUES (?, ?, 'added', 'Added', ?)`, args: [`ev-${i}-a`, id, now - 86_400_000] },
				{ sql: `INSERT INTO activity_events (id, person_id, kind, summary, created_at) VALUES (?, ?, 'invited', 'Invited', ?)`, args: [`ev-${i}-b`, id, now - 3_600_000] }
			);
		}
		await db.batch(batch, 'write');
	}
	return { coaches: size.coaches, coachees: size.coachees, sampleCoachId: coachIds[7]!, sampleCoacheeId: 'coachee-1234' };
}
