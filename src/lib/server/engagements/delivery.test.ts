import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openControlDb } from '../db';
import { tenants } from '../db/control/schema';
import { assessmentAssignments, engagementItems, engagements, files, notifications, people } from '../db/tenant/schema';
import { handleFileBlob } from '../files/blob';
import { blobRoute } from '../platform/app-file-links';
import { runTenantDueWork } from '../jobs/tenant-due';
import { tenant } from '../testing/coaching-fixture';
import type { CapturedEmail } from '../platform/ports';
import { deliveryFixture, type DeliveryFixture } from './delivery-fixture';
import { cancelSessionInvitations, engagementDeliveryDueWork, fileGoneMessage } from './delivery';
import type { ItemDetails, SessionDetails } from '../../engagements/schema';

let f: DeliveryFixture;
beforeEach(async () => {
	f = await deliveryFixture();
});
afterEach(() => f.app.cleanup());

const questions = [{ id: 'q1', kind: 'scale' as const, prompt: 'How confident do you feel leading meetings?', required: true }];
const assessment: ItemDetails = { kind: 'assessment', assessmentTemplateId: null, assessmentKind: 'assessment', questions };
const link: ItemDetails = { kind: 'link', url: 'https://example.org/reading' };
const session = (extra: Partial<SessionDetails> = {}): SessionDetails => ({
	kind: 'session',
	durationMinutes: 60,
	format: 'online',
	location: 'https://meet.example/abc',
	message: 'Bring one meeting you want to run differently.',
	coacheeSchedules: false,
	...extra
});

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');

/** A shared PDF Cole uploads for Jo: the file an engagement item sends. */
async function sourceFile(name = 'Meeting plan.pdf') {
	const started = await f.coach.files.startUpload.mutate({ tenant, coacheeId: f.joId, name, size: pdf.length, declaredType: '', visibility: 'shared' });
	await f.app.platform.files.put(started.storageKey, pdf, started.contentType);
	return f.coach.files.finishUpload.mutate({ tenant, coacheeId: f.joId, uploadId: started.uploadId });
}

const sentToJo = async () => (await f.db.select().from(notifications).where(eq(notifications.recipientId, f.joId))).filter((n) => n.kind === 'engagement_item_sent');
const mailTo = (to: string, subject: RegExp): CapturedEmail[] => f.app.mailer.list().filter((email) => email.to === to && subject.test(email.subject));
const assignmentsOfJo = () => f.db.select().from(assessmentAssignments).where(eq(assessmentAssignments.coacheeId, f.joId));

/** The .ics's content lines, unfolded (RFC 5545 §3.1: a line break followed by a space continues the line). */
function icsLines(email: CapturedEmail) {
	expect(email.attachments).toHaveLength(1);
	return email.attachments![0]!.content.replace(/\r\n[ \t]/g, '').split('\r\n');
}
const line = (lines: string[], name: string) => lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

describe('assessments, files and links', () => {
	it('sends each once its time comes, exactly once across repeated ticks, with the record in the coachee’s portal', async () => {
		const engagement = await f.engagement();
		const due = await f.item(engagement.id, 'Leadership check-in', assessment, { scheduledAt: f.minutes(60) });
		const reading = await f.item(engagement.id, 'Before we meet', link, { scheduledAt: f.minutes(60) });

		await f.tick();
		expect(await sentToJo()).toEqual([]);
		expect((await f.itemNow(due.id)).deliveredAt).toBeNull();

		f.app.clock.advance(60 * 60_000);
		await f.tick();
		await f.tick();
		const sent = await f.itemNow(due.id);
		expect(sent.deliveredAt).not.toBeNull();
		const [assignment] = await assignmentsOfJo();
		expect(assignment).toMatchObject({ id: sent.assignmentId, title: 'Leadership check-in', assignedBy: f.coleId, questions, status: 'assigned' });
		const listed = await f.jo.assessments.list.query({ tenant, coacheeId: f.joId });
		expect(listed.assignments.map((a) => a.title)).toEqual(['Leadership check-in']);

		const told = await sentToJo();
		expect(told.map((n) => [n.title, n.link])).toEqual(
			expect.arrayContaining([
				['Cole Acme sent you the assessment “Leadership check-in” to answer', `/assessments/answer/${assignment!.id}`],
				['Cole Acme sent you the link “Before we meet”', `/engagements/${engagement.id}`]
			])
		);
		expect(told).toHaveLength(2);
		const linkEmail = mailTo('jo@client.example', /link “Before we meet”/);
		expect(linkEmail).toHaveLength(1);
		expect(linkEmail[0]!.text).toContain('https://example.org/reading');
		expect((await f.itemNow(reading.id)).deliveredAt).not.toBeNull();
		const activity = await f.admin.coachees.get.query({ tenant, coacheeId: f.joId });
		expect(JSON.stringify(activity)).toContain('Assessment “Leadership check-in” sent by Cole Acme from the engagement “Leading with intent”');
	});

	it('catches up after a long gap with one tick, and points a link of an unshared engagement at the Engagements list', async () => {
		const engagement = await f.engagement('active', { shared: false });
		for (const hours of [1, 5, 30]) await f.item(engagement.id, `Reading ${hours}`, link, { scheduledAt: f.minutes(hours * 60) });
		f.app.clock.advance(3 * 24 * 60 * 60_000);
		await f.tick();
		const told = await sentToJo();
		expect(told.map((n) => n.title).sort()).toEqual(['Reading 1', 'Reading 30', 'Reading 5'].map((t) => `Cole Acme sent you the link “${t}”`));
		expect(new Set(told.map((n) => n.link))).toEqual(new Set(['/engagements']));
	});

	it('sends nothing twice when two runs overlap', async () => {
		const engagement = await f.engagement();
		for (let i = 0; i < 4; i++) await f.item(engagement.id, `Check-in ${i}`, assessment, { scheduledAt: f.minutes(-1) });
		await Promise.all([runTenantDueWork(f.app.platform, f.tenantRow.id), runTenantDueWork(f.app.platform, f.tenantRow.id), engagementDeliveryDueWork.run(f.scope())]);
		await f.app.queue.drain();
		expect(await assignmentsOfJo()).toHaveLength(4);
		expect(await sentToJo()).toHaveLength(4);
		expect(mailTo('jo@client.example', /Check-in/)).toHaveLength(4);
	});

	it('sends nothing for a draft, a completed or a deleted engagement, and nothing of a draft once its time has passed until it is active', async () => {
		const draft = await f.engagement('draft');
		const completed = await f.engagement('completed');
		const deleted = await f.engagement();
		await f.item(draft.id, 'Draft reading', link, { scheduledAt: f.minutes(10) });
		await f.item(completed.id, 'Completed reading', link, { scheduledAt: f.minutes(10) });
		await f.item(deleted.id, 'Deleted reading', assessment, { scheduledAt: f.minutes(10) });
		await f.db.delete(engagements).where(eq(engagements.id, deleted.id));
		f.app.clock.advance(20 * 60_000);
		await f.tick();
		expect(await sentToJo()).toEqual([]);
		expect(await assignmentsOfJo()).toEqual([]);
		expect(await engagementDeliveryDueWork.nextDueAt(f.scope())).toBeNull();

		await f.db.update(engagements).set({ status: 'active' }).where(eq(engagements.id, draft.id));
		await engagementDeliveryDueWork.run(f.scope());
		await f.app.queue.drain();
		expect((await sentToJo()).map((n) => n.title)).toEqual(['Cole Acme sent you the link “Draft reading”']);
	});

	it('gives the coachee their own copy of a file, downloadable after the source is deleted', async () => {
		const source = await sourceFile();
		const engagement = await f.engagement();
		const item = await f.item(engagement.id, 'Meeting plan', { kind: 'file', sourceFileId: source.id, fileName: source.name }, { scheduledAt: f.minutes(5) });
		f.app.clock.advance(5 * 60_000);
		await f.tick();
		const { fileId } = await f.itemNow(item.id);
		expect(fileId).not.toBe(source.id);
		const [copy] = await f.db.select().from(files).where(eq(files.id, fileId!));
		expect(copy).toMatchObject({ coacheeId: f.joId, uploaderId: f.coleId, visibility: 'shared', name: 'Meeting plan.pdf', storageKey: `tenants/${f.tenantRow.id}/files/${fileId}` });
		expect((await sentToJo())[0]).toMatchObject({ title: 'Cole Acme sent you the file “Meeting plan.pdf”', link: `/files/${fileId}` });

		await f.coach.files.delete.mutate({ tenant, coacheeId: f.joId, fileId: source.id });
		const { downloadUrl } = await f.jo.files.get.query({ tenant, coacheeId: f.joId, fileId: fileId! });
		const download = await handleFileBlob(new Request(downloadUrl), f.app.platform, new URL(downloadUrl).pathname.slice(blobRoute.length));
		expect(download.status).toBe(200);
		expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
	});

	it('says why when the file was deleted before it could be sent, and does not try again', async () => {
		const source = await sourceFile('Gone.pdf');
		const engagement = await f.engagement();
		const item = await f.item(engagement.id, 'Gone', { kind: 'file', sourceFileId: source.id, fileName: source.name }, { scheduledAt: f.minutes(5) });
		await f.coach.files.delete.mutate({ tenant, coacheeId: f.joId, fileId: source.id });
		f.app.clock.advance(5 * 60_000);
		await f.tick();
		expect(await f.itemNow(item.id)).toMatchObject({ deliveredAt: null, fileId: null, deliveryError: fileGoneMessage('Gone.pdf') });
		expect(fileGoneMessage('Gone.pdf')).toBe('The file “Gone.pdf” was deleted before it could be sent; pick another.');
		expect(await sentToJo()).toEqual([]);
		expect(await engagementDeliveryDueWork.nextDueAt(f.scope())).toBeNull();
	});

	it('books the cron’s visit for the earliest pending send', async () => {
		const engagement = await f.engagement();
		await f.item(engagement.id, 'Later', link, { scheduledAt: f.minutes(300) });
		await f.item(engagement.id, 'Sooner', link, { scheduledAt: f.minutes(90) });
		await f.tick(); // the visit booked for now runs and books the next one
		const booked = await openControlDb(f.app.platform).query.tenants.findFirst({ where: eq(tenants.id, f.tenantRow.id) });
		expect(booked!.nextDueAt).toEqual(f.minutes(90));
	});
});

describe('sessions', () => {
	it('invites the coachee and the coach once with an .ics, and sends the change with SEQUENCE bumped', async () => {
		const engagement = await f.engagement();
		const startsAt = new Date('2026-11-30T10:00:00Z');
		const item = await f.item(engagement.id, 'Kick-off', session(), { scheduledAt: startsAt, sequence: 1 });
		await f.tick();
		await f.tick();
		const [toJo] = mailTo('jo@client.example', /Session scheduled/);
		const [toCole] = mailTo('cole@acme.example', /Session scheduled/);
		expect(mailTo('jo@client.example', /Session/)).toHaveLength(1);
		expect(toJo!.subject).toBe('Session scheduled: “Kick-off” on Mon, 30 Nov 2026, 10:00 (UTC)');
		expect(toJo!.attachments![0]).toMatchObject({ filename: 'invite.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST' });
		expect(toJo!.text).toContain(
			'1 h with Cole Acme, part of the engagement “Leading with intent”. Cole Acme wrote: “Bring one meeting you want to run differently.” The email about it carries a calendar invitation. Join at https://meet.example/abc\n'
		);
		expect(toCole!.text).toContain('1 h with Jo Acme, part of the engagement “Leading with intent”. Your message: “Bring one meeting');
		const lines = icsLines(toJo!);
		expect(line(lines, 'METHOD')).toBe('METHOD:REQUEST');
		expect(line(lines, 'UID')).toBe(`UID:${item.id}@acme.tandem`);
		expect(line(lines, 'SEQUENCE')).toBe('SEQUENCE:1');
		expect(line(lines, 'DTSTART')).toBe('DTSTART:20261130T100000Z');
		expect(line(lines, 'DTEND')).toBe('DTEND:20261130T110000Z');
		expect(line(lines, 'LOCATION')).toBe('LOCATION:https://meet.example/abc');
		expect(line(lines, 'ORGANIZER')).toMatch(/^ORGANIZER;CN="?Cole Acme"?:mailto:cole@acme.example$/);
		expect(line(lines, 'ATTENDEE')).toMatch(/^ATTENDEE;.*CN="?Jo Acme"?:mailto:jo@client\.example$/i);
		expect(line(lines, 'DESCRIPTION')).toBe(`DESCRIPTION:Bring one meeting you want to run differently.\\n\\nIn Tandem: http://localhost:5173/t/acme/engagements/${engagement.id}`);
		expect(icsLines(toCole!).find((l) => l.startsWith('UID'))).toBe(`UID:${item.id}@acme.tandem`);
		expect((await f.itemNow(item.id)).invitedSequence).toBe(1);

		await f.db.update(engagementItems).set({ scheduledAt: new Date('2026-12-01T15:30:00Z'), sequence: 2 }).where(eq(engagementItems.id, item.id));
		await f.tick(); // nothing booked a visit: the next visit comes from nextDueAt's "now"
		await engagementDeliveryDueWork.run(f.scope());
		await f.app.queue.drain();
		const changed = mailTo('jo@client.example', /Session changed/);
		expect(changed.map((e) => e.subject)).toEqual(['Session changed: “Kick-off” is now on Tue, 1 Dec 2026, 15:30 (UTC)']);
		const after = icsLines(changed[0]!);
		expect([line(after, 'SEQUENCE'), line(after, 'UID'), line(after, 'DTSTART')]).toEqual(['SEQUENCE:2', `UID:${item.id}@acme.tandem`, 'DTSTART:20261201T153000Z']);
		await engagementDeliveryDueWork.run(f.scope());
		await f.app.queue.drain();
		expect(mailTo('jo@client.example', /Session/)).toHaveLength(2);
	});

	it('gives the .ics only to someone who takes these emails at once (in-app always)', async () => {
		await f.jo.notifications.setPreference.mutate({ tenant, kind: 'session_scheduled', delivery: 'digest' });
		const engagement = await f.engagement();
		await f.item(engagement.id, 'Kick-off', session(), { scheduledAt: f.minutes(24 * 60), sequence: 1 });
		await f.tick();
		expect(mailTo('jo@client.example', /Session/)).toEqual([]);
		expect(mailTo('cole@acme.example', /Session/)).toHaveLength(1);
		const inApp = (await f.jo.notifications.list.query({ tenant })).items.filter((n) => n.kind === 'session_scheduled');
		expect(inApp).toHaveLength(1);
	});

	it('reminds once when the reminder time comes, in each reader’s own zone', async () => {
		await f.db.update(people).set({ timeZone: 'Europe/Paris' }).where(eq(people.id, f.joId));
		const engagement = await f.engagement();
		await f.item(engagement.id, 'Kick-off', session(), { scheduledAt: f.minutes(24 * 60), remindAt: f.minutes(23 * 60), sequence: 1 });
		await f.tick();
		expect(mailTo('jo@client.example', /Reminder/)).toEqual([]);
		f.app.clock.advance(23 * 60 * 60_000);
		await f.tick();
		await f.tick();
		expect(mailTo('jo@client.example', /Reminder/).map((e) => e.subject)).toEqual(['Reminder: “Kick-off” on Tue, 24 Nov 2026, 10:00 (Europe/Paris)']);
		expect(mailTo('cole@acme.example', /Reminder/).map((e) => e.subject)).toEqual(['Reminder: “Kick-off” on Tue, 24 Nov 2026, 09:00 (UTC)']);
		expect(await engagementDeliveryDueWork.nextDueAt(f.scope())).toBeNull();
	});

	it('cancels what was sent with METHOD:CANCEL and a higher SEQUENCE, and leaves sessions never invited alone', async () => {
		const engagement = await f.engagement();
		const invited = await f.item(engagement.id, 'Kick-off', session(), { scheduledAt: f.minutes(24 * 60), sequence: 2 });
		await f.tick();
		const never = await f.item(engagement.id, 'Not yet', session(), { scheduledAt: null });
		await cancelSessionInvitations(f.scope(), engagement, [await f.itemNow(invited.id), never]);
		await f.app.queue.drain();
		const [cancel] = mailTo('jo@client.example', /Session cancelled/);
		expect(cancel!.attachments![0]!.filename).toBe('cancel.ics');
		const lines = icsLines(cancel!);
		expect([line(lines, 'METHOD'), line(lines, 'UID'), line(lines, 'SEQUENCE'), line(lines, 'STATUS')]).toEqual([
			'METHOD:CANCEL',
			`UID:${invited.id}@acme.tandem`,
			'SEQUENCE:3',
			'STATUS:CANCELLED'
		]);
		expect(mailTo('cole@acme.example', /Session cancelled/)).toHaveLength(1);
		expect(mailTo('jo@client.example', /Session cancelled/)).toHaveLength(1);
	});

	it('asks the coachee once to schedule a session left to them, once the engagement is active', async () => {
		const engagement = await f.engagement('draft');
		const item = await f.item(engagement.id, 'Mid-point', session({ coacheeSchedules: true, windowStartsOn: '2026-12-01', windowEndsOn: '2026-12-12' }));
		await f.tick();
		expect(await sentToJo()).toEqual([]);
		await f.db.update(engagements).set({ status: 'active' }).where(eq(engagements.id, engagement.id));
		await engagementDeliveryDueWork.run(f.scope());
		await engagementDeliveryDueWork.run(f.scope());
		await f.app.queue.drain();
		const told = await sentToJo();
		expect(told.map((n) => [n.title, n.link])).toEqual([['Schedule your session “Mid-point”', `/engagements/${engagement.id}/items/${item.id}/schedule`]]);
		expect(told[0]!.body).toContain('between 2026-12-01 and 2026-12-12');
	});
});

describe('from the engagement pages', () => {
	it('takes a deleted or unscheduled session, and those of a completed engagement, out of both calendars', async () => {
		const engagement = await f.engagement();
		const deleted = await f.item(engagement.id, 'Kick-off', session(), { scheduledAt: f.minutes(24 * 60), sequence: 1 });
		const moved = await f.item(engagement.id, 'Mid-point', session(), { scheduledAt: f.minutes(48 * 60), sequence: 1 });
		const closing = await f.item(engagement.id, 'Closing', session(), { scheduledAt: f.minutes(72 * 60), sequence: 1 });
		await f.tick();
		expect(mailTo('jo@client.example', /Session scheduled/)).toHaveLength(3);

		const at = { tenant, engagementId: engagement.id };
		await f.coach.engagementItems.delete.mutate({ ...at, itemId: deleted.id });
		await f.coach.engagementItems.unschedule.mutate({ ...at, itemId: moved.id });
		await f.coach.engagements.setStatus.mutate({ ...at, status: 'completed' });
		await f.app.queue.drain();
		const cancelled = mailTo('jo@client.example', /Session cancelled/);
		expect(cancelled.map((email) => line(icsLines(email), 'UID')).sort()).toEqual([deleted.id, moved.id, closing.id].map((id) => `UID:${id}@acme.tandem`).sort());
		expect(mailTo('cole@acme.example', /Session cancelled/)).toHaveLength(3);
		// Nothing of the completed engagement goes out again.
		await f.tick();
		expect(mailTo('jo@client.example', /Session (scheduled|changed)/)).toHaveLength(3);
	});

	it('completes the assessment item once the coachee submits what it sent', async () => {
		const engagement = await f.engagement();
		const item = await f.item(engagement.id, 'Leadership check-in', assessment, { scheduledAt: f.minutes(0) });
		await f.tick();
		const { assignmentId } = await f.itemNow(item.id);
		expect((await f.itemNow(item.id)).completedAt).toBeNull();
		await f.jo.assessments.answer.mutate({ tenant, coacheeId: f.joId, assignmentId: assignmentId!, submit: true, answers: { q1: '7' } });
		expect((await f.itemNow(item.id)).completedAt).not.toBeNull();
	});
});
