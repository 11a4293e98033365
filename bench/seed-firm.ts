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

/** A coachee's heavy workload: `goals` goals of 4 milestones each, and `actions` actions
 * spread over those milestones (a tenth on their own), due over the past and next months,
 * a third of them complete. */
export async function seedWorkload(db: Client, coacheeId: string, size: { goals: number; actions: number }) {
	const now = Date.now();
	const day = 86_400_000;
	const dateOf = (offsetDays: number) => new Date(now + offsetDays * day).toISOString().slice(0, 10);
	const statements = [];
	const milestoneIds: string[] = [];
	for (let g = 0; g < size.goals; g++) {
		statements.push({ sql: `INSERT INTO goals (id, coachee_id, title, due_on, position, created_at) VALUES (?, ?, ?, ?, ?, ?)`, args: [`bench-goal-${g}`, coacheeId, `Bench goal ${g}`, dateOf(30 + g), g, now] });
		for (let m = 0; m < 4; m++) {
			const id = `bench-milestone-${g}-${m}`;
			milestoneIds.push(id);
			statements.push({ sql: `INSERT INTO milestones (id, goal_id, coachee_id, title, due_on, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, args: [id, `bench-goal-${g}`, coacheeId, `Milestone ${m}`, dateOf(10 + g), m, now] });
		}
	}
	for (let a = 0; a < size.actions; a++) {
		const offset = (a % 120) - 60;
		const progress = a % 3 === 0 ? 100 : (a * 13) % 100;
		statements.push({
			sql: `INSERT INTO actions (id, coachee_id, milestone_id, title, due_on, due_at, progress, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			args: [`bench-action-${a}`, coacheeId, a % 10 === 0 ? null : milestoneIds[a % milestoneIds.length]!, `Bench action ${a}`, dateOf(offset), now + (offset + 1) * day, progress, a, now]
		});
	}
	for (let start = 0; start < statements.length; start += 500) await db.batch(statements.slice(start, start + 500), 'write');
	return { sampleGoalId: 'bench-goal-7', sampleActionId: 'bench-action-11' };
}

/** A coachee's records as issue 10 sizes them: `files` files (half shared, half private to
 * their coach), `notes` notes by their coach, and `assessments` assignments of a few
 * templates, most of them answered. The files' bytes are not stored: the tabs list rows only. */
export async function seedRecords(
	db: Client,
	ids: { tenantId: string; coacheeId: string; coachId: string },
	size: { files: number; notes: number; assessments: number }
) {
	const now = Date.now();
	const hour = 3_600_000;
	const statements = [];
	for (let f = 0; f < size.files; f++) {
		statements.push({
			sql: `INSERT INTO files (id, coachee_id, uploader_id, visibility, name, content_type, size, storage_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			args: [`bench-file-${f}`, ids.coacheeId, f % 5 === 0 ? ids.coacheeId : ids.coachId, f % 2 ? 'shared' : 'private', `Worksheet ${f}.pdf`, 'application/pdf', 20_000 + f * 37, `tenants/${ids.tenantId}/files/bench-file-${f}`, now - f * hour]
		});
	}
	for (let n = 0; n < size.notes; n++) {
		statements.push({
			sql: `INSERT INTO notes (id, coachee_id, author_id, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			args: [`bench-note-${n}`, ids.coacheeId, ids.coachId, `Session reflection ${n}`, `Observations and next steps, number ${n}. `.repeat(12), now - n * hour, now - n * hour]
		});
	}
	const questions = JSON.stringify([
		{ id: 'q1', kind: 'scale', prompt: 'How confident do you feel leading your team?', required: true },
		{ id: 'q2', kind: 'single_choice', prompt: 'Where do you spend most of your week?', required: true, options: ['Meetings', 'Deep work', 'People'] },
		{ id: 'q3', kind: 'long_text', prompt: 'What would you like to change?', required: false }
	]);
	for (let t = 0; t < 5; t++) {
		statements.push({ sql: `INSERT INTO assessment_templates (id, kind, title, questions, created_by, created_at) VALUES (?, 'assessment', ?, ?, ?, ?)`, args: [`bench-template-${t}`, `Bench assessment ${t}`, questions, ids.coachId, now] });
	}
	for (let a = 0; a < size.assessments; a++) {
		const answered = a % 5 !== 0;
		statements.push({
			sql: `INSERT INTO assessment_assignments (id, coachee_id, template_id, kind, title, questions, answers, status, assigned_by, submitted_at, created_at) VALUES (?, ?, ?, 'assessment', ?, ?, ?, ?, ?, ?, ?)`,
			args: [`bench-assignment-${a}`, ids.coacheeId, `bench-template-${a % 5}`, `Bench assessment ${a % 5}`, questions, answered ? JSON.stringify({ q1: 1 + (a % 10), q2: 'Meetings', q3: 'More focus time.' }) : '{}', answered ? 'completed' : 'assigned', ids.coachId, answered ? now - a * 24 * hour : null, now - a * 25 * hour]
		});
	}
	for (let start = 0; start < statements.length; start += 500) await db.batch(statements.slice(start, start + 500), 'write');
	return { sampleFileId: 'bench-file-1', sampleNoteId: 'bench-note-3', sampleAssignmentId: 'bench-assignment-1' };
}

/** Engagements as issue 11 sizes them: `engagements` engagements over the seeded coachees
 * (each with their coach), `itemsPer` items each in the four kinds, mostly scheduled, a third
 * completed; a few drafts and completed ones among the active. */
export async function seedEngagements(db: Client, size: { engagements: number; itemsPer: number; coachees: number; coaches: number }) {
	const now = Date.now();
	const day = 86_400_000;
	const kinds = ['session', 'assessment', 'link', 'file'] as const;
	const details = {
		session: JSON.stringify({ kind: 'session', durationMinutes: 60, format: 'online', location: 'https://meet.example/abc', message: '', coacheeSchedules: false }),
		assessment: JSON.stringify({ kind: 'assessment', assessmentTemplateId: null, assessmentKind: 'questions', questions: [{ id: 'q1', kind: 'long_text', prompt: 'What went well?', required: true }] }),
		link: JSON.stringify({ kind: 'link', url: 'https://example.com/reading' }),
		file: JSON.stringify({ kind: 'file', sourceFileId: 'bench-file-1', fileName: 'Worksheet.pdf' })
	};
	const statements = [];
	for (let e = 0; e < size.engagements; e++) {
		const coachee = (e * 7) % size.coachees;
		const id = `bench-engagement-${e}`;
		const status = e % 20 === 0 ? 'draft' : e % 7 === 0 ? 'completed' : 'active';
		const startsOn = new Date(now - (e % 120) * day).toISOString().slice(0, 10);
		statements.push({
			sql: `INSERT INTO engagements (id, coachee_id, coach_id, title, status, shared, starts_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			args: [id, `coachee-${coachee}`, `coach-${coachee % size.coaches}`, `Leadership program ${e}`, status, e % 2, startsOn, now - e * 60_000]
		});
		for (let i = 0; i < size.itemsPer; i++) {
			const kind = kinds[i % 4]!;
			const scheduledAt = i < size.itemsPer - 2 ? now + (i - 4) * 7 * day : null;
			statements.push({
				sql: `INSERT INTO engagement_items (id, engagement_id, coachee_id, position, kind, title, details, scheduled_at, completed_at, delivered_at, sequence, invited_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				args: [`${id}-item-${i}`, id, `coachee-${coachee}`, i, kind, `Step ${i + 1}`, details[kind], scheduledAt, i < 3 ? now - day : null, scheduledAt && scheduledAt < now ? scheduledAt : null, scheduledAt ? 1 : 0, scheduledAt && kind === 'session' ? 1 : null]
			});
		}
	}
	for (let start = 0; start < statements.length; start += 500) await db.batch(statements.slice(start, start + 500), 'write');
	return { sampleEngagementId: 'bench-engagement-1', sampleCoacheeId: 'coachee-7', sampleCoachId: `coach-${7 % size.coaches}` };
}
