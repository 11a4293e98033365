/**
 * Program templates through the real HTTP handler: the firm's library and a coach's own,
 * building with the four kinds of item, editing, duplicating and archiving, each page read in
 * one tenant round trip, and every forbidden path (the wrong coach, the wrong role, an
 * assessment or file the author may not use, a malformed link) refused with nothing saved.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, type TestApp, type TestClient } from '../testing/harness';
import { coachingFixture, tenant } from '../testing/coaching-fixture';
import type { ItemDraftInput, ProgramFields } from '../../programs/schema';

let app: TestApp;
let admin: TestClient;
let coach: TestClient;
let otherCoach: TestClient;
let spectator: TestClient;
let jo: TestClient;
let joId: string;

let assessmentId: string;
let coachFileId: string;
let otherCoachFileId: string;

async function sharedFile(who: TestClient, coacheeId: string, name: string) {
	const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
	const started = await who.files.startUpload.mutate({ tenant, coacheeId, name, size: pdf.length, declaredType: 'application/pdf', visibility: 'shared' });
	await app.platform.files.put(started.storageKey, pdf, started.contentType);
	return (await who.files.finishUpload.mutate({ tenant, coacheeId, uploadId: started.uploadId })).id;
}

beforeEach(async () => {
	({ app, admin, coach, otherCoach, spectator, jo, joId } = await coachingFixture());
	({ id: assessmentId } = await admin.assessments.createTemplate.mutate({
		tenant,
		title: 'Leadership 360',
		kind: 'assessment',
		questions: [{ id: 'q', kind: 'scale', prompt: 'How confident are you?', required: true }]
	}));
	coachFileId = await sharedFile(coach, joId, 'Offsite brief.pdf');
	const { id: olgasCoachee } = await otherCoach.coachees.create.mutate({ tenant, firstName: 'Oz', lastName: 'Other', email: 'oz@client.example' });
	otherCoachFileId = await sharedFile(otherCoach, olgasCoachee, 'Olga notes.pdf');
});
afterEach(() => app.cleanup());

const session = (title: string, extra: Partial<ItemDraftInput> = {}): ItemDraftInput => ({ id: `s-${title}`, kind: 'session', title, durationMinutes: 60, format: 'online', ...extra });
const link = (title: string, url: string): ItemDraftInput => ({ id: `l-${title}`, kind: 'link', title, url });

const foundations = (): ProgramFields => ({
	name: 'Leadership Foundations',
	description: 'Twelve weeks on leading a team.',
	items: [
		session('Kickoff', { message: 'Bring your goals.' }),
		{ id: 'a', kind: 'assessment', title: '', assessmentTemplateId: assessmentId },
		link('Reading', 'https://example.com/reading'),
		session('Check-in', { durationMinutes: 30, format: 'in_person', coacheeSchedules: true })
	]
});

const namesIn = async (who: TestClient, archived = false) => (await who.programs.list.query({ tenant, archived })).programs.map((p) => p.name);

describe('the program library', () => {
	it("keeps an admin's template in the firm library, with its items in order and an untitled assessment named after the library's", async () => {
		const { id } = await admin.programs.create.mutate({ tenant, ...foundations() });
		const { program } = await admin.programs.get.query({ tenant, programId: id });
		expect(program).toMatchObject({ name: 'Leadership Foundations', owner: 'Firm library', canEdit: true, archived: false });
		expect(program.items).toEqual([
			{ id: 's-Kickoff', kind: 'session', title: 'Kickoff', durationMinutes: 60, format: 'online', message: 'Bring your goals.', coacheeSchedules: false },
			{ id: 'a', kind: 'assessment', title: 'Leadership 360', assessmentTemplateId: assessmentId },
			{ id: 'l-Reading', kind: 'link', title: 'Reading', url: 'https://example.com/reading' },
			{ id: 's-Check-in', kind: 'session', title: 'Check-in', durationMinutes: 30, format: 'in_person', message: '', coacheeSchedules: true }
		]);
		const [row] = (await coach.programs.list.query({ tenant })).programs;
		expect(row).toMatchObject({ name: 'Leadership Foundations', owner: 'Firm library', summary: '2 sessions · 1 assessment · 1 link', canEdit: false, mine: false });
	});

	it("shows a coach the firm's templates and their own, never another coach's, and an admin all of them with their owner", async () => {
		await admin.programs.create.mutate({ tenant, ...foundations() });
		const { id: coles } = await coach.programs.create.mutate({ tenant, ...foundations(), name: 'Cole’s sprint' });
		await otherCoach.programs.create.mutate({ tenant, ...foundations(), name: 'Olga’s plan' });
		expect(await namesIn(coach)).toEqual(['Cole’s sprint', 'Leadership Foundations']);
		expect(await namesIn(otherCoach)).toEqual(['Leadership Foundations', 'Olga’s plan']);
		const all = (await admin.programs.list.query({ tenant })).programs;
		expect(all.map((p) => [p.name, p.owner, p.canEdit])).toEqual([
			['Cole’s sprint', 'Cole Acme', true],
			['Leadership Foundations', 'Firm library', true],
			['Olga’s plan', 'Olga Acme', true]
		]);
		expect((await failure(otherCoach.programs.get.query({ tenant, programId: coles }))).code).toBe('NOT_FOUND');
		expect((await failure(otherCoach.programs.duplicate.mutate({ tenant, programId: coles }))).code).toBe('NOT_FOUND');
		expect(await namesIn(otherCoach)).toEqual(['Leadership Foundations', 'Olga’s plan']);
	});

	it('finds templates by every word of the name, and keeps archived ones apart until restored', async () => {
		const { id } = await admin.programs.create.mutate({ tenant, ...foundations() });
		await admin.programs.create.mutate({ tenant, ...foundations(), name: 'New manager: 90 days' });
		expect((await coach.programs.list.query({ tenant, search: 'foundations LEAD' })).programs.map((p) => p.name)).toEqual(['Leadership Foundations']);
		expect((await coach.programs.list.query({ tenant, search: '100%' })).programs).toEqual([]);
		await admin.programs.archive.mutate({ tenant, programId: id, archived: true });
		expect(await namesIn(coach)).toEqual(['New manager: 90 days']);
		expect(await namesIn(admin, true)).toEqual(['Leadership Foundations']);
		await admin.programs.archive.mutate({ tenant, programId: id, archived: false });
		expect(await namesIn(coach)).toEqual(['Leadership Foundations', 'New manager: 90 days']);
	});

	it("lets a coach duplicate a firm template into their own and change the copy, while the firm's stays as it was", async () => {
		const { id } = await admin.programs.create.mutate({ tenant, ...foundations() });
		const copy = await coach.programs.duplicate.mutate({ tenant, programId: id });
		expect(copy.name).toBe('Leadership Foundations (copy)');
		await coach.programs.update.mutate({ tenant, programId: copy.id, ...foundations(), name: 'My foundations', items: [session('Only one')] });
		const mine = (await coach.programs.list.query({ tenant })).programs.find((p) => p.id === copy.id);
		expect(mine).toMatchObject({ name: 'My foundations', owner: 'Cole Acme', mine: true, canEdit: true, summary: '1 session' });
		expect((await admin.programs.get.query({ tenant, programId: id })).program.items).toHaveLength(4);
		expect(await namesIn(otherCoach)).toEqual(['Leadership Foundations']);
	});

	it('reorders items by saving them in their new order', async () => {
		const { id } = await coach.programs.create.mutate({ tenant, ...foundations() });
		const reversed = [...foundations().items].reverse();
		await coach.programs.update.mutate({ tenant, programId: id, ...foundations(), items: reversed });
		expect((await coach.programs.get.query({ tenant, programId: id })).program.items.map((i) => i.id)).toEqual(['s-Check-in', 'l-Reading', 'a', 's-Kickoff']);
	});

	it('reads the library, a template with its builder choices, and the choices for New, each in one tenant round trip', async () => {
		const { id } = await admin.programs.create.mutate({ tenant, ...foundations() });
		expect(await app.countRoundTrips(() => coach.programs.list.query({ tenant }))).toEqual({ control: 1, tenant: 1 });
		expect(await app.countRoundTrips(() => coach.programs.get.query({ tenant, programId: id }))).toEqual({ control: 1, tenant: 1 });
		expect(await app.countRoundTrips(() => coach.programs.choices.query({ tenant }))).toEqual({ control: 1, tenant: 1 });
	});

	it('offers the builder the assessments not archived and the files the person may send, named with their coachee', async () => {
		const { id: archived } = await admin.assessments.createTemplate.mutate({ tenant, title: 'Old survey', kind: 'questions', questions: [{ id: 'q', kind: 'long_text', prompt: 'Why?', required: false }] });
		await admin.assessments.archiveTemplate.mutate({ tenant, templateId: archived, archived: true });
		const offered = await coach.programs.choices.query({ tenant });
		expect(offered.assessments.map((a) => a.title)).toEqual(['Leadership 360']);
		expect(offered.files).toEqual([{ id: coachFileId, name: 'Offsite brief.pdf', coachee: 'Jo Acme' }]);
		expect((await otherCoach.programs.choices.query({ tenant })).files.map((f) => f.name)).toEqual(['Olga notes.pdf']);
	});
});

describe('refusals', () => {
	it('refuses a coach changing or archiving a firm template or another coach’s own, and leaves both as they were', async () => {
		const { id: firm } = await admin.programs.create.mutate({ tenant, ...foundations() });
		const { id: olgas } = await otherCoach.programs.create.mutate({ tenant, ...foundations(), name: 'Olga’s plan' });
		const refused = await failure(coach.programs.update.mutate({ tenant, programId: firm, ...foundations(), name: 'Hijacked' }));
		expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Duplicate it') });
		expect((await failure(coach.programs.archive.mutate({ tenant, programId: firm, archived: true }))).code).toBe('FORBIDDEN');
		expect((await failure(coach.programs.update.mutate({ tenant, programId: olgas, ...foundations(), name: 'Hijacked' }))).code).toBe('NOT_FOUND');
		expect((await failure(coach.programs.archive.mutate({ tenant, programId: olgas, archived: true }))).code).toBe('NOT_FOUND');
		expect(await namesIn(admin)).toEqual(['Leadership Foundations', 'Olga’s plan']);
	});

	it('never opens to coachees or authorized users', async () => {
		const { id } = await admin.programs.create.mutate({ tenant, ...foundations() });
		for (const outsider of [jo, spectator]) {
			expect((await failure(outsider.programs.list.query({ tenant }))).code).toBe('FORBIDDEN');
			expect((await failure(outsider.programs.get.query({ tenant, programId: id }))).code).toBe('FORBIDDEN');
			expect((await failure(outsider.programs.choices.query({ tenant }))).code).toBe('FORBIDDEN');
			expect((await failure(outsider.programs.create.mutate({ tenant, ...foundations() }))).code).toBe('FORBIDDEN');
			expect((await failure(outsider.programs.update.mutate({ tenant, programId: id, ...foundations(), name: 'Hijacked' }))).code).toBe('FORBIDDEN');
			expect((await failure(outsider.programs.duplicate.mutate({ tenant, programId: id }))).code).toBe('FORBIDDEN');
			expect((await failure(outsider.programs.archive.mutate({ tenant, programId: id, archived: true }))).code).toBe('FORBIDDEN');
		}
		expect(await namesIn(admin)).toEqual(['Leadership Foundations']);
	});

	it('refuses an archived assessment and another coach’s coachee’s file under their items, and saves nothing', async () => {
		await admin.assessments.archiveTemplate.mutate({ tenant, templateId: assessmentId, archived: true });
		const items: ItemDraftInput[] = [
			session('Kickoff'),
			{ id: 'a', kind: 'assessment', title: 'Leadership 360', assessmentTemplateId: assessmentId },
			{ id: 'f', kind: 'file', title: 'Notes', fileId: otherCoachFileId },
			{ id: 'g', kind: 'file', title: '', fileId: coachFileId }
		];
		const refused = await failure(coach.programs.create.mutate({ tenant, ...foundations(), items }));
		expect(refused.code).toBe('BAD_REQUEST');
		expect(refused.fieldErrors).toEqual({
			'items.1.assessmentTemplateId': [expect.stringContaining('no longer in the library')],
			'items.2.fileId': [expect.stringContaining('not one you can send')]
		});
		// An untitled file takes its name; one not chosen is asked for, not its title.
		const unchosen = await failure(coach.programs.create.mutate({ tenant, ...foundations(), items: [items[0]!, items[3]!, { id: 'h', kind: 'file', title: '', fileId: '' }] }));
		expect(unchosen.fieldErrors).toEqual({ 'items.2.fileId': ['Pick a file.'] });
		expect(await namesIn(coach)).toEqual([]);
	});

	it('refuses a malformed link, a blank title and a session too short, each under its item, and changes nothing', async () => {
		const { id } = await coach.programs.create.mutate({ tenant, ...foundations() });
		const items: ItemDraftInput[] = [
			link('Script', 'javascript:alert(1)'),
			link('', 'https://example.com'),
			session('Quick', { durationMinutes: 2 }),
			session('Custom left empty', { durationMinutes: '' })
		];
		const refused = await failure(coach.programs.update.mutate({ tenant, programId: id, ...foundations(), name: 'Broken', items }));
		expect(refused.fieldErrors).toEqual({
			'items.0.url': ['Enter a full web address that starts with https://'],
			'items.1.title': ['Give the item a title.'],
			'items.2.durationMinutes': ['A session lasts at least 5 minutes.'],
			'items.3.durationMinutes': ['Give the duration in minutes.']
		});
		const empty = await failure(coach.programs.create.mutate({ tenant, ...foundations(), items: [] }));
		expect(empty.fieldErrors).toEqual({ items: [expect.stringContaining('Add at least one item')] });
		const twins = await failure(coach.programs.create.mutate({ tenant, ...foundations(), items: [session('Same'), session('Same')] }));
		expect(twins.fieldErrors).toEqual({ items: [expect.stringContaining('same id')] });
		const { program } = await coach.programs.get.query({ tenant, programId: id });
		expect(program.name).toBe('Leadership Foundations');
		expect(program.items).toHaveLength(4);
	});

	it('flags on the edit page an item whose assessment was archived since, before a save refuses it', async () => {
		const { id } = await coach.programs.create.mutate({ tenant, ...foundations() });
		expect((await coach.programs.get.query({ tenant, programId: id })).stale).toEqual({});
		await admin.assessments.archiveTemplate.mutate({ tenant, templateId: assessmentId, archived: true });
		expect((await coach.programs.get.query({ tenant, programId: id })).stale).toEqual({ 'items.1.assessmentTemplateId': [expect.stringContaining('archived')] });
	});
});
