/**
 * The role matrix: every procedure that takes a `tenant`, called by everyone who must not
 * reach a coach's coachee (an outsider from another workspace, the workspace's authorized
 * user, another coachee, another coach), through the real HTTP handler. Each call is either
 * refused, or answers without a trace of that coachee, and afterwards nothing of theirs has
 * changed. Every procedure also runs once for the person it is meant for, so a sample input
 * that cannot succeed is caught instead of passing as a "refusal".
 *
 * A procedure that takes a `tenant` and has no line in `samples` fails the suite: new
 * procedures join the matrix the day they are added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from './router';
import { createTestApp, failure, strongPassword, tokenOf, type TestApp, type TestClient } from '../testing/harness';
import { eq } from 'drizzle-orm';
import { openControlDb, openTenantDb } from '../db';
import { tenants } from '../db/control/schema';
import { engagementItems, engagements } from '../db/tenant/schema';
import type { ItemDetails } from '../../engagements/schema';

const tenant = 'acme';

interface Fixture {
	targetId: string;
	/** Coach A's coachee who has not accepted yet: still editable and invitable. */
	invitedCoacheeId: string;
	coachAId: string;
	otherCoachId: string;
	invitedCoachId: string;
	groupId: string;
	coachANotificationId: string;
	/** The target's goal, milestone and action, and spare ones the delete samples remove. */
	goalId: string;
	milestoneId: string;
	actionId: string;
	spareGoalId: string;
	spareMilestoneId: string;
	spareActionId: string;
	/** Coach A's notes about Ines (who stays theirs), and the target's session logs. */
	noteId: string;
	spareNoteId: string;
	sessionId: string;
	spareSessionId: string;
	/** The admin's shared file of the target, a spare for Delete, and an upload under way. */
	fileId: string;
	spareFileId: string;
	uploadId: string;
	/** Coach A's template, a spare to delete, the target's open assignment and its template with two completed ones. */
	templateId: string;
	spareTemplateId: string;
	assignmentId: string;
	/** A template of the firm's program library. */
	programId: string;
	/** Coach A's active engagement of the target, shared, with its items (engagementItems.*). */
	engagement: EngagementFixture;
	/** Coach A's active engagement of the target, and a spare for Delete. */
	engagementId: string;
	spareEngagementId: string;
	/** Coach A's finished export of the target's engagements. */
	exportId: string;
	/** A finished Bulk Create of the admin's, with a rejected row. */
	importId: string;
}

type Actor = 'outsider' | 'spectator' | 'coachee' | 'otherCoach';
type Rightful = 'admin' | 'coachA' | 'target';

interface Sample {
	input: (f: Fixture, n: number) => Record<string, unknown>;
	/** Who the procedure is for: it must work for them. */
	rightful: Rightful;
	/** Outcome codes that count as a refusal for this procedure (default: FORBIDDEN, NOT_FOUND). */
	refusals?: string[];
}

const t = (extra: Record<string, unknown> = {}) => ({ tenant, ...extra });
const programLink = { id: 'l', kind: 'link', title: 'Reading', url: 'https://example.com/reading' } as const;
/** A Bulk Create file of one row (a new coachee of coach A's from the target program), as base64. */
const bulkCsv = (email: string) =>
	Buffer.from(`Coachee email,Coachee first name,Coachee last name,Coach email,Program template,Start date\n${email},Pat,Planted,cora@acme.example,Target program,2026-12-01\n`).toString('base64');

const samples: Record<string, Sample> = {
	'tenancy.current': { input: () => t(), rightful: 'coachA' },
	'tenancy.shell': { input: () => t(), rightful: 'coachA' },
	'tenancy.settings': { input: () => t(), rightful: 'admin' },
	'tenancy.setTimeZone': { input: () => t({ timeZone: 'Europe/Paris' }), rightful: 'coachA' },
	'tenancy.updateSettings': { input: () => t({ name: 'Acme', replyTo: 'evil@example.com' }), rightful: 'admin' },
	'members.list': { input: () => t(), rightful: 'admin' },
	'members.invite': { input: (_, n) => t({ email: `new${n}@acme.example`, firstName: 'New', lastName: 'Member', role: 'coach' }), rightful: 'admin' },
	'members.resendInvitation': { input: (f) => t({ personId: f.invitedCoachId }), rightful: 'admin' },
	'members.revokeInvitation': { input: (f) => t({ personId: f.invitedCoachId }), rightful: 'admin' },
	'members.deactivate': { input: (f) => t({ personId: f.coachAId }), rightful: 'admin' },
	'members.reactivate': { input: (f) => t({ personId: f.coachAId }), rightful: 'admin' },
	'members.remove': { input: (f) => t({ personId: f.invitedCoachId }), rightful: 'admin' },
	'coachees.list': { input: () => t(), rightful: 'coachA' },
	'coachees.get': { input: (f) => t({ coacheeId: f.targetId }), rightful: 'coachA' },
	'coachees.create': { input: (_, n) => t({ firstName: 'Fresh', lastName: 'Coachee', email: `fresh${n}@client.example` }), rightful: 'coachA' },
	'coachees.update': { input: (f) => t({ coacheeId: f.invitedCoacheeId, firstName: 'Hijacked', lastName: 'Name', email: 'hijack@evil.example' }), rightful: 'coachA' },
	'coachees.invite': { input: (f) => t({ coacheeId: f.invitedCoacheeId }), rightful: 'coachA' },
	'coachees.assignCoach': { input: (f) => t({ coacheeIds: [f.targetId], coachId: f.otherCoachId }), rightful: 'admin' },
	'coachees.coaches': { input: () => t(), rightful: 'admin' },
	'coachees.groups': { input: () => t(), rightful: 'admin' },
	'coachees.group': { input: (f) => t({ groupId: f.groupId }), rightful: 'admin' },
	'coachees.createGroup': { input: (f, n) => t({ name: `Leaders ${n}`, memberIds: [f.targetId] }), rightful: 'admin' },
	'coachees.updateGroup': { input: (f) => t({ groupId: f.groupId, name: 'Renamed', memberIds: [] }), rightful: 'admin' },
	'coachees.deleteGroup': { input: (f) => t({ groupId: f.groupId }), rightful: 'admin' },
	'notifications.list': { input: () => t(), rightful: 'coachA' },
	'notifications.unreadCount': { input: () => t(), rightful: 'coachA' },
	'notifications.markRead': { input: (f) => t({ notificationId: f.coachANotificationId }), rightful: 'coachA' },
	'notifications.markAllRead': { input: () => t(), rightful: 'coachA' },
	'notifications.preferences': { input: () => t(), rightful: 'coachA' },
	'notifications.setPreference': { input: () => t({ kind: 'coachee_activated', delivery: 'digest' }), rightful: 'coachA' },
	'home.overview': { input: () => t(), rightful: 'coachA' },
	// Admins: by now coachees.assignCoach has given the target to another coach.
	'goals.board': { input: (f) => t({ coacheeId: f.targetId }), rightful: 'admin' },
	'goals.goal': { input: (f) => t({ coacheeId: f.targetId, goalId: f.goalId }), rightful: 'admin' },
	'goals.milestoneChoices': { input: (f) => t({ coacheeId: f.targetId }), rightful: 'admin' },
	'goals.create': { input: (f, n) => t({ coacheeId: f.targetId, title: `Planted goal ${n}`, dueOn: '2027-01-01' }), rightful: 'admin' },
	'goals.update': { input: (f) => t({ coacheeId: f.targetId, goalId: f.goalId, title: 'Hijacked goal', dueOn: '2027-01-01' }), rightful: 'admin' },
	'goals.move': { input: (f) => t({ coacheeId: f.targetId, goalId: f.goalId, direction: 'down' }), rightful: 'admin' },
	'goals.mark': { input: (f) => t({ coacheeId: f.targetId, goalId: f.spareGoalId, complete: true }), rightful: 'admin' },
	'goals.createMilestone': { input: (f, n) => t({ coacheeId: f.targetId, goalId: f.goalId, title: `Planted milestone ${n}`, dueOn: '2027-01-01' }), rightful: 'admin' },
	'goals.updateMilestone': { input: (f) => t({ coacheeId: f.targetId, milestoneId: f.milestoneId, title: 'Hijacked milestone', dueOn: '2027-01-01' }), rightful: 'admin' },
	'goals.moveMilestone': { input: (f) => t({ coacheeId: f.targetId, milestoneId: f.milestoneId, direction: 'down' }), rightful: 'admin' },
	'goals.markMilestone': { input: (f) => t({ coacheeId: f.targetId, milestoneId: f.spareMilestoneId, complete: true }), rightful: 'admin' },
	'goals.deleteMilestone': { input: (f) => t({ coacheeId: f.targetId, milestoneId: f.spareMilestoneId }), rightful: 'admin' },
	'goals.delete': { input: (f) => t({ coacheeId: f.targetId, goalId: f.spareGoalId }), rightful: 'admin' },
	'actions.list': { input: (f) => t({ coacheeId: f.targetId }), rightful: 'admin' },
	'actions.get': { input: (f) => t({ coacheeId: f.targetId, actionId: f.actionId }), rightful: 'admin' },
	'actions.create': { input: (f, n) => t({ coacheeId: f.targetId, title: `Planted action ${n}`, dueOn: '2027-01-01' }), rightful: 'admin' },
	'actions.update': { input: (f) => t({ coacheeId: f.targetId, actionId: f.actionId, title: 'Hijacked action', dueOn: '2027-01-01', milestoneId: f.milestoneId }), rightful: 'admin' },
	'actions.setProgress': { input: (f) => t({ coacheeId: f.targetId, actionId: f.actionId, progress: 100 }), rightful: 'admin' },
	'actions.comment': { input: (f) => t({ coacheeId: f.targetId, actionId: f.actionId, body: 'Planted comment' }), rightful: 'admin' },
	'actions.move': { input: (f) => t({ coacheeId: f.targetId, actionId: f.actionId, direction: 'down' }), rightful: 'admin' },
	'actions.delete': { input: (f) => t({ coacheeId: f.targetId, actionId: f.spareActionId }), rightful: 'admin' },
	// Notes are only ever their author's: coach A's, about Ines, who stays theirs.
	'notes.list': { input: (f) => t({ coacheeId: f.invitedCoacheeId }), rightful: 'coachA' },
	'notes.get': { input: (f) => t({ coacheeId: f.invitedCoacheeId, noteId: f.noteId }), rightful: 'coachA' },
	'notes.create': { input: (f, n) => t({ coacheeId: f.invitedCoacheeId, title: `Planted note ${n}`, body: 'Planted' }), rightful: 'coachA' },
	'notes.update': { input: (f) => t({ coacheeId: f.invitedCoacheeId, noteId: f.noteId, title: 'Hijacked note', body: 'Hijacked' }), rightful: 'coachA' },
	'notes.delete': { input: (f) => t({ coacheeId: f.invitedCoacheeId, noteId: f.spareNoteId }), rightful: 'coachA' },
	'notepad.open': { input: (f) => t({ coacheeId: f.invitedCoacheeId }), rightful: 'coachA' },
	'notepad.save': { input: (f, n) => t({ coacheeId: f.invitedCoacheeId, body: 'Hijacked notepad', revision: 1000 + n }), rightful: 'coachA' },
	'notepad.finish': {
		input: (f) => t({ coacheeId: f.invitedCoacheeId, title: 'Planted session', date: '2026-11-23', time: '09:00', durationMinutes: 30, status: 'attended' }),
		rightful: 'coachA'
	},
	'sessions.list': { input: (f) => t({ coacheeId: f.targetId }), rightful: 'admin' },
	'sessions.get': { input: (f) => t({ coacheeId: f.targetId, sessionId: f.sessionId }), rightful: 'admin' },
	'sessions.create': {
		input: (f, n) => t({ coacheeId: f.targetId, title: `Planted session ${n}`, date: '2026-11-23', time: '09:00', durationMinutes: 30, status: 'attended' }),
		rightful: 'admin'
	},
	'sessions.update': {
		input: (f) => t({ coacheeId: f.targetId, sessionId: f.sessionId, title: 'Hijacked session', date: '2026-11-23', time: '09:00', durationMinutes: 5, status: 'no_show' }),
		rightful: 'admin'
	},
	'sessions.delete': { input: (f) => t({ coacheeId: f.targetId, sessionId: f.spareSessionId }), rightful: 'admin' },
	'files.list': { input: (f) => t({ coacheeId: f.targetId }), rightful: 'admin' },
	'files.get': { input: (f) => t({ coacheeId: f.targetId, fileId: f.fileId }), rightful: 'admin' },
	'files.download': { input: (f) => t({ coacheeId: f.targetId, fileId: f.fileId }), rightful: 'admin' },
	'files.startUpload': { input: (f, n) => t({ coacheeId: f.targetId, name: `Planted ${n}.pdf`, size: 100, declaredType: 'application/pdf', visibility: 'shared' }), rightful: 'admin' },
	'files.finishUpload': { input: (f) => t({ coacheeId: f.targetId, uploadId: f.uploadId }), rightful: 'admin' },
	'files.delete': { input: (f) => t({ coacheeId: f.targetId, fileId: f.spareFileId }), rightful: 'admin' },
	'assessments.library': { input: () => t(), rightful: 'admin' },
	'assessments.template': { input: (f) => t({ templateId: f.templateId }), rightful: 'admin' },
	'assessments.createTemplate': { input: (_, n) => t({ title: `Planted ${n}`, kind: 'questions', questions: [{ id: 'q', kind: 'long_text', prompt: 'Why?', required: false }] }), rightful: 'admin' },
	'assessments.updateTemplate': {
		input: (f) => t({ templateId: f.templateId, title: 'Target template', kind: 'assessment', questions: [{ id: 'q', kind: 'scale', prompt: 'How?', required: true }] }),
		rightful: 'admin'
	},
	'assessments.archiveTemplate': { input: (f) => t({ templateId: f.spareTemplateId, archived: true }), rightful: 'admin' },
	'assessments.deleteTemplate': { input: (f) => t({ templateId: f.spareTemplateId }), rightful: 'admin' },
	'assessments.list': { input: (f) => t({ coacheeId: f.targetId }), rightful: 'admin' },
	'assessments.get': { input: (f) => t({ coacheeId: f.targetId, assignmentId: f.assignmentId }), rightful: 'admin' },
	'assessments.compare': { input: (f) => t({ coacheeId: f.targetId, templateId: f.templateId }), rightful: 'admin' },
	'assessments.assignChoices': { input: (f) => t({ coacheeId: f.targetId }), rightful: 'admin' },
	'assessments.assign': { input: (f) => t({ coacheeId: f.targetId, templateId: f.templateId }), rightful: 'admin' },
	'programs.list': { input: () => t(), rightful: 'admin' },
	'programs.get': { input: (f) => t({ programId: f.programId }), rightful: 'admin' },
	'programs.choices': { input: () => t(), rightful: 'admin' },
	'programs.create': { input: (_, n) => t({ name: `Planted program ${n}`, items: [programLink] }), rightful: 'admin' },
	'programs.update': { input: (f) => t({ programId: f.programId, name: 'Target program', items: [programLink] }), rightful: 'admin' },
	'programs.duplicate': { input: (f) => t({ programId: f.programId }), rightful: 'admin' },
	'programs.archive': { input: (f) => t({ programId: f.programId, archived: false }), rightful: 'admin' },
	'assessments.answer': { input: (f) => t({ coacheeId: f.targetId, assignmentId: f.assignmentId, submit: false, answers: { q: '9' } }), rightful: 'target' },
	'engagementItems.page': { input: (f) => t({ engagementId: f.engagement.id }), rightful: 'coachA' },
	'engagementItems.ownSession': { input: (f) => t({ engagementId: f.engagement.id, itemId: f.engagement.ownSessionId }), rightful: 'target' },
	'engagementItems.reorder': { input: (f) => t({ engagementId: f.engagement.id, itemIds: [...f.engagement.itemIds].reverse() }), rightful: 'coachA' },
	'engagementItems.update': { input: (f) => t({ engagementId: f.engagement.id, itemId: f.engagement.linkId, kind: 'link', title: 'Hijacked', url: 'https://evil.example' }), rightful: 'coachA' },
	'engagementItems.schedule': { input: (f) => t({ engagementId: f.engagement.id, itemId: f.engagement.linkId, mode: 'send', date: '2026-12-01', time: '10:00' }), rightful: 'coachA' },
	'engagementItems.unschedule': { input: (f) => t({ engagementId: f.engagement.id, itemId: f.engagement.linkId }), rightful: 'coachA' },
	'engagementItems.markCompleted': { input: (f) => t({ engagementId: f.engagement.id, itemId: f.engagement.linkId, completed: true }), rightful: 'coachA' },
	'engagementItems.associate': { input: (f) => t({ engagementId: f.engagement.id, itemId: f.engagement.sessionId, record: `session:${f.sessionId}` }), rightful: 'coachA' },
	'engagementItems.logSession': {
		input: (f) => t({ engagementId: f.engagement.id, itemId: f.engagement.logSessionId, title: 'Held', date: '2026-11-20', time: '10:00', durationMinutes: 60, status: 'attended' }),
		rightful: 'coachA'
	},
	'engagementItems.duplicate': { input: (f) => t({ engagementId: f.engagement.id, itemId: f.engagement.linkId }), rightful: 'coachA' },
	'engagementItems.add': { input: (f) => t({ engagementId: f.engagement.id, kind: 'link', title: 'Planted', url: 'https://evil.example' }), rightful: 'coachA' },
	'engagementItems.scheduleOwn': { input: (f) => t({ engagementId: f.engagement.id, itemId: f.engagement.ownSessionId, date: '2026-12-02', time: '10:00' }), rightful: 'target' },
	'engagementItems.delete': { input: (f) => t({ engagementId: f.engagement.id, itemId: f.engagement.spareId }), rightful: 'coachA' },
	// One's own feed link only: a coachee or another coach calling these changes their own, never coach A's.
	'calendar.feed': { input: () => t(), rightful: 'coachA' },
	'calendar.createLink': { input: () => t(), rightful: 'coachA' },
	'calendar.revokeLink': { input: () => t(), rightful: 'coachA' },
	'engagements.list': { input: () => t(), rightful: 'coachA' },
	'engagements.choices': { input: (f) => t({ coacheeIds: [f.targetId] }), rightful: 'coachA' },
	// Another coach naming coach A's coachee is told under the field, without naming them.
	'engagements.create': { input: (f, n) => t({ coacheeIds: [f.targetId], coachId: f.coachAId, title: `Planted ${n}` }), rightful: 'admin', refusals: ['BAD_REQUEST', 'FORBIDDEN'] },
	'engagements.setStatus': { input: (f) => t({ engagementId: f.engagementId, status: 'completed' }), rightful: 'coachA' },
	'engagements.setShared': { input: (f) => t({ engagementId: f.engagementId, shared: true }), rightful: 'coachA' },
	'engagements.setSpectators': { input: (f) => t({ engagementId: f.engagementId, spectatorIds: [] }), rightful: 'admin' },
	'engagements.delete': { input: (f) => t({ engagementId: f.spareEngagementId }), rightful: 'coachA' },
	'exports.page': { input: (f) => t({ coacheeId: f.targetId }), rightful: 'coachA' },
	// Another coach's export of the target's engagements is empty: they see none of them.
	'exports.start': { input: (f) => t({ shape: 'item', coacheeId: f.targetId }), rightful: 'coachA' },
	'exports.get': { input: (f) => t({ exportId: f.exportId }), rightful: 'coachA' },
	'exports.downloadLink': { input: (f) => t({ exportId: f.exportId }), rightful: 'coachA' },
	'imports.start': { input: (_, n) => t({ fileName: `planted-${n}.csv`, file: bulkCsv(`planted${n}@client.example`) }), rightful: 'admin' },
	'imports.recent': { input: () => t(), rightful: 'admin' },
	'imports.get': { input: (f) => t({ importId: f.importId }), rightful: 'admin' },
	'imports.rejectedRows': { input: (f) => t({ importId: f.importId }), rightful: 'admin' },
	// Public on purpose (the invitee has no account yet): the link's secret is the credential.
	'invitations.preview': { input: () => t({ token: 'x'.repeat(30) }), rightful: 'target', refusals: ['BAD_REQUEST'] },
	'invitations.accept': {
		input: () => t({ token: 'x'.repeat(30), firstName: 'Eve', lastName: 'Intruder', password: strongPassword }),
		rightful: 'target',
		refusals: ['BAD_REQUEST']
	}
};

interface ProcedureDef {
	_def: { type: 'query' | 'mutation' | 'subscription'; inputs: { shape?: Record<string, unknown> }[] };
}
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);
const takesTenant = procedures.filter(([, procedure]) => procedure._def.inputs.some((input) => input.shape && 'tenant' in input.shape));

let app: TestApp;
let fixture: Fixture;
const clients = {} as Record<Actor | Rightful | 'admin', TestClient>;
const targetEmail = 'tara@client.example';
const invitedEmail = 'ines@client.example';

async function call(client: TestClient, path: string, input: unknown) {
	const [group, name] = path.split('.') as [string, string];
	const procedure = (client as unknown as Record<string, Record<string, { query(i: unknown): Promise<unknown>; mutate(i: unknown): Promise<unknown> }>>)[group]![name]!;
	const kind = (appRouter._def.procedures as unknown as Record<string, ProcedureDef>)[path]!._def.type;
	return kind === 'query' ? procedure.query(input) : procedure.mutate(input);
}

/** Accepts the newest invitation emailed to `email`, returning the new member's client. */
async function accept(email: string, firstName: string) {
	const link = app.linksSentTo(email).find((l) => l.includes('/invite/'))!;
	const client = app.client();
	await client.invitations.accept.mutate({ tenant, token: tokenOf(link), firstName, lastName: 'Acme', password: strongPassword });
	return client;
}

/** A goal with a milestone and an action for the target, and spares for the deletes. */
async function targetsWork(coach: TestClient, admin: TestClient, coacheeId: string) {
	const of = <T extends object>(extra: T) => ({ tenant, coacheeId, dueOn: '2027-01-01', ...extra });
	const { id: goalId } = await coach.goals.create.mutate(of({ title: 'Target goal' }));
	const { id: milestoneId } = await coach.goals.createMilestone.mutate(of({ goalId, title: 'Target milestone' }));
	const { id: actionId } = await coach.actions.create.mutate(of({ title: 'Target action', milestoneId }));
	const { id: spareGoalId } = await coach.goals.create.mutate(of({ title: 'Spare goal' }));
	const { id: spareMilestoneId } = await coach.goals.createMilestone.mutate(of({ goalId, title: 'Spare milestone' }));
	const { id: spareActionId } = await coach.actions.create.mutate(of({ title: 'Spare action' }));
	return { goalId, milestoneId, actionId, spareGoalId, spareMilestoneId, spareActionId, ...(await targetsFiles(admin, coacheeId)) };
}

/** Shared files uploaded by the admin (the bytes put straight into the store, as the browser's PUT would). */
async function targetsFiles(admin: TestClient, coacheeId: string) {
	const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
	const start = async (name: string) => {
		const started = await admin.files.startUpload.mutate({ tenant, coacheeId, name, size: pdf.length, declaredType: 'application/pdf', visibility: 'shared' });
		await app.platform.files.put(started.storageKey, pdf, started.contentType);
		return started.uploadId;
	};
	const finish = async (uploadId: string) => (await admin.files.finishUpload.mutate({ tenant, coacheeId, uploadId })).id;
	return { fileId: await finish(await start('Target file.pdf')), spareFileId: await finish(await start('Spare file.pdf')), uploadId: await start('Under way.pdf') };
}

/** Coach A's notes about their coachee Ines, and sessions of the target. */
async function notesAndSessions(coach: TestClient, noteCoacheeId: string, sessionCoacheeId: string) {
	const note = (title: string) => coach.notes.create.mutate({ tenant, coacheeId: noteCoacheeId, title, body: 'Private to coach A' });
	const session = (title: string) =>
		coach.sessions.create.mutate({ tenant, coacheeId: sessionCoacheeId, title, date: '2026-11-20', time: '10:00', durationMinutes: 60, status: 'attended' });
	const [{ id: noteId }, { id: spareNoteId }] = [await note('Target note'), await note('Spare note')];
	const [{ id: sessionId }, { id: spareSessionId }] = [await session('Target session'), await session('Spare session')];
	return { noteId, spareNoteId, sessionId, spareSessionId };
}

/** Coach A's template, answered twice by the target (so it compares), an open assignment, and a spare template. */
async function targetsAssessments(coach: TestClient, target: TestClient, coacheeId: string) {
	const questions = [{ id: 'q', kind: 'scale' as const, prompt: 'How?', required: true }];
	const { id: templateId } = await coach.assessments.createTemplate.mutate({ tenant, title: 'Target template', kind: 'assessment', questions });
	const { id: spareTemplateId } = await coach.assessments.createTemplate.mutate({ tenant, title: 'Spare template', kind: 'assessment', questions });
	for (const answer of ['3', '5']) {
		const { id } = await coach.assessments.assign.mutate({ tenant, coacheeId, templateId });
		await target.assessments.answer.mutate({ tenant, coacheeId, assignmentId: id, submit: true, answers: { q: answer } });
	}
	const { id: assignmentId } = await coach.assessments.assign.mutate({ tenant, coacheeId, templateId });
	return { templateId, spareTemplateId, assignmentId };
}

interface EngagementFixture {
	id: string;
	itemIds: string[];
	linkId: string;
	sessionId: string;
	logSessionId: string;
	ownSessionId: string;
	spareId: string;
}

/** Coach A's active, shared engagement of the target, inserted directly: a link, two sessions,
 * one the target schedules within a window, and a spare for Delete. */
async function targetsEngagement(coacheeId: string, coachId: string): Promise<EngagementFixture> {
	const control = openControlDb(app.platform);
	const db = await openTenantDb(app.platform, (await control.query.tenants.findFirst({ where: eq(tenants.slug, tenant) }))!);
	const id = crypto.randomUUID();
	await db.insert(engagements).values({ id, coacheeId, coachId, title: 'Target items engagement', status: 'active', shared: true, startsOn: '2026-11-01', endsOn: '2027-06-30' });
	const session = { kind: 'session', durationMinutes: 60, format: 'online', location: 'https://meet.example/t', message: '', coacheeSchedules: false } as const;
	const details: ItemDetails[] = [
		{ kind: 'link', url: 'https://example.com/read' },
		session,
		session,
		{ ...session, coacheeSchedules: true, windowStartsOn: '2026-12-01', windowEndsOn: '2026-12-05' },
		{ kind: 'link', url: 'https://example.com/spare' }
	];
	const itemIds = details.map(() => crypto.randomUUID());
	await db.insert(engagementItems).values(details.map((d, position) => ({ id: itemIds[position]!, engagementId: id, coacheeId, position, kind: d.kind, title: `Item ${position}`, details: d })));
	const [linkId, sessionId, logSessionId, ownSessionId, spareId] = itemIds as [string, string, string, string, string];
	return { id, itemIds, linkId, sessionId, logSessionId, ownSessionId, spareId };
}

beforeAll(async () => {
	app = await createTestApp();
	const admin = await app.signUpOrganisation('Acme', 'ada@acme.example');
	const invite = (email: string, firstName: string, role: 'coach' | 'spectator') =>
		admin.members.invite.mutate({ tenant, email, firstName, lastName: 'Acme', role });
	await invite('cora@acme.example', 'Cora', 'coach');
	await invite('bo@acme.example', 'Bo', 'coach');
	await invite('sal@acme.example', 'Sal', 'spectator');
	const { id: invitedCoachId } = await invite('ivy@acme.example', 'Ivy', 'coach');
	const coachA = await accept('cora@acme.example', 'Cora');
	const otherCoach = await accept('bo@acme.example', 'Bo');
	const spectator = await accept('sal@acme.example', 'Sal');
	const { id: targetId } = await coachA.coachees.create.mutate({ tenant, firstName: 'Tara', lastName: 'Target', email: targetEmail, sendInvitation: true });
	const { id: invitedCoacheeId } = await coachA.coachees.create.mutate({ tenant, firstName: 'Ines', lastName: 'Invited', email: invitedEmail, sendInvitation: true });
	await otherCoach.coachees.create.mutate({ tenant, firstName: 'Cody', lastName: 'Other', email: 'cody@client.example', sendInvitation: true });
	const target = await accept(targetEmail, 'Tara');
	const coachee = await accept('cody@client.example', 'Cody');
	const outsider = app.client();
	await outsider.auth.signUpCoach.mutate({ firstName: 'Olly', lastName: 'Outsider', email: 'olly@example.com', password: strongPassword });
	const members = await admin.members.list.query({ tenant });
	const idOf = (email: string) => members.find((m) => m.email === email)!.id;
	const { id: groupId } = await admin.coachees.createGroup.mutate({ tenant, name: 'Target group', memberIds: [targetId] });
	const [notification] = (await coachA.notifications.list.query({ tenant })).items;
	const work = { ...(await targetsWork(coachA, admin, targetId)), ...(await targetsAssessments(coachA, target, targetId)) };
	const records = await notesAndSessions(coachA, invitedCoacheeId, targetId);
	const { id: programId } = await admin.programs.create.mutate({ tenant, name: 'Target program', items: [programLink] });
	const engagement = async (title: string) => (await coachA.engagements.create.mutate({ tenant, coacheeIds: [targetId], title })).ids[0]!;
	const [engagementId, spareEngagementId] = [await engagement('Target engagement'), await engagement('Spare engagement')];
	fixture = {
		targetId,
		invitedCoacheeId,
		coachAId: idOf('cora@acme.example'),
		otherCoachId: idOf('bo@acme.example'),
		invitedCoachId,
		groupId,
		coachANotificationId: notification!.id,
		...work,
		...records,
		programId,
		engagement: await targetsEngagement(targetId, idOf('cora@acme.example')),
		engagementId,
		spareEngagementId,
		exportId: (await coachA.exports.start.mutate({ tenant, shape: 'item', coacheeId: targetId })).id,
		importId: (await admin.imports.start.mutate({ tenant, fileName: 'target.csv', file: bulkCsv('not-an-email') })).id
	};
	Object.assign(clients, { admin, coachA, target, outsider, spectator, coachee, otherCoach });
});
afterAll(() => app.cleanup());

const actors: Actor[] = ['outsider', 'spectator', 'coachee', 'otherCoach'];

describe('role matrix', () => {
	it('has a sample for every procedure that takes a tenant', () => {
		expect(takesTenant.length).toBeGreaterThan(20);
		expect(takesTenant.map(([path]) => path).filter((path) => !samples[path])).toEqual([]);
	});

	let n = 0;
	it.each(actors.flatMap((actor) => takesTenant.map(([path]) => [actor, path] as const)))(
		'%s calling %s is refused or learns nothing of the coachee',
		async (actor, path) => {
			const sample = samples[path]!;
			const outcome = await call(clients[actor], path, sample.input(fixture, n++)).then(
				(result) => ({ ok: true as const, result }),
				async (error: unknown) => ({ ok: false as const, refusal: await failure(Promise.reject(error)) })
			);
			if (outcome.ok) {
				const seen = JSON.stringify(outcome.result ?? null);
				for (const secret of [targetEmail, fixture.targetId, invitedEmail, fixture.invitedCoacheeId]) expect(seen).not.toContain(secret);
			} else {
				expect(sample.refusals ?? ['FORBIDDEN', 'NOT_FOUND']).toContain(outcome.refusal.code);
				expect(outcome.refusal.message).not.toMatch(/SQL|SQLITE|select |insert /i);
			}
		}
	);

	it('left everything of the coachee, their coach and their group as it was', async () => {
		const profile = await clients.admin.coachees.get.query({ tenant, coacheeId: fixture.targetId });
		expect(profile).toMatchObject({ email: targetEmail, firstName: 'Tara', status: 'active', coach: { id: fixture.coachAId } });
		expect((await clients.admin.coachees.group.query({ tenant, groupId: fixture.groupId })).name).toBe('Target group');
		expect((await clients.coachA.notifications.list.query({ tenant })).items.find((i) => i.id === fixture.coachANotificationId)?.read).toBe(false);
		const invited = await clients.admin.coachees.get.query({ tenant, coacheeId: fixture.invitedCoacheeId });
		expect(invited).toMatchObject({ email: invitedEmail, firstName: 'Ines', status: 'invited' });
		expect(app.linksSentTo(invitedEmail).filter((l) => l.includes('/invite/'))).toHaveLength(1);
		const goal = await clients.admin.goals.goal.query({ tenant, coacheeId: fixture.targetId, goalId: fixture.goalId });
		expect(goal.goal.title).toBe('Target goal');
		expect(goal.milestones.map((m) => m.title)).toEqual(['Target milestone', 'Spare milestone']);
		expect(goal.milestones[0]!.actions).toMatchObject([{ title: 'Target action', progress: 0 }]);
		expect((await clients.admin.actions.get.query({ tenant, coacheeId: fixture.targetId, actionId: fixture.actionId })).comments).toEqual([]);
		expect((await clients.admin.goals.board.query({ tenant, coacheeId: fixture.targetId })).goals.map((g) => g.title)).toEqual(['Target goal', 'Spare goal']);
		const notes = await clients.coachA.notes.list.query({ tenant, coacheeId: fixture.invitedCoacheeId });
		expect(notes.rows.map((note) => note.title).sort()).toEqual(['Spare note', 'Target note']);
		expect((await clients.coachA.notepad.open.query({ tenant, coacheeId: fixture.invitedCoacheeId })).draft.body).toBe('');
		const sessions = await clients.admin.sessions.list.query({ tenant, coacheeId: fixture.targetId });
		expect(sessions.rows.map((session) => `${session.title}: ${session.status}`).sort()).toEqual(['Spare session: attended', 'Target session: attended']);
		const assignment = await clients.admin.assessments.get.query({ tenant, coacheeId: fixture.targetId, assignmentId: fixture.assignmentId });
		expect(assignment.assignment).toMatchObject({ status: 'assigned', answers: {} });
		expect((await clients.admin.assessments.template.query({ tenant, templateId: fixture.templateId })).questions[0]!.prompt).toBe('How?');
		const members = await clients.admin.members.list.query({ tenant });
		expect(members.find((m) => m.id === fixture.coachAId)?.status).toBe('active');
		expect(members.find((m) => m.id === fixture.invitedCoachId)?.status).toBe('invited');
		const engagements = (await clients.admin.engagements.list.query({ tenant, coacheeId: fixture.targetId })).rows;
		expect(engagements.map((e) => `${e.title}: ${e.status}, ${e.shared ? 'shared' : 'not shared'}`).sort()).toEqual([
			'Spare engagement: active, not shared',
			'Target engagement: active, not shared',
			'Target items engagement: active, shared'
		]);
	});

	it('lets each procedure do its work for the person it is for', async () => {
		// In table order, which keeps each step possible (resend before revoke, deactivate before reactivate).
		for (const [path] of takesTenant) {
			const sample = samples[path]!;
			if (sample.rightful === 'target' && sample.refusals) continue; // the public invitation procedures: covered by the invitation tests
			await expect(call(clients[sample.rightful], path, sample.input(fixture, 1000 + n++)), path).resolves.not.toThrow();
		}
	});
});

describe('outside any workspace', () => {
	it('answers a missing workspace exactly as an existing one, naming neither', async () => {
		const missing = await failure(clients.outsider.tenancy.current.query({ tenant: 'no-such-team' }));
		const existing = await failure(clients.outsider.tenancy.current.query({ tenant }));
		expect(missing.code).toBe('FORBIDDEN');
		expect(missing.message.replace('no-such-team', tenant)).toBe(existing.message);
		expect(existing.message).not.toMatch(/Acme/);
	});

	it('refuses anonymous callers before anything else', async () => {
		expect((await failure(app.client().tenancy.current.query({ tenant }))).code).toBe('UNAUTHORIZED');
	});
});
