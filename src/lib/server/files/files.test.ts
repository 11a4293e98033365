/**
 * Files through the real HTTP handler and the real signed links: the upload flow (start, the
 * browser's PUT to the signed link, finish), content checks, the cleanup of abandoned
 * uploads, alerts, and every row of DESIGN.md's "files" line tried from the wrong role and
 * the wrong coach.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTenantDueWork } from '../jobs/tenant-due';
import { failure, type TestApp, type TestClient } from '../testing/harness';
import { coachingFixture, tenant } from '../testing/coaching-fixture';
import { blobRoute } from '../platform/app-file-links';
import { handleFileBlob } from './blob';
import { uploadIntentMs } from './uploads';
import { maxFileBytes } from '../../files/schema';

let app: TestApp;
let admin: TestClient;
let coach: TestClient;
let otherCoach: TestClient;
let spectator: TestClient;
let jo: TestClient;
let kim: TestClient;
let joId: string;
let kimId: string;

beforeEach(async () => {
	({ app, admin, coach, otherCoach, spectator, jo, kim, joId, kimId } = await coachingFixture({ kimAccepts: true }));
});
afterEach(() => app.cleanup());

const ofJo = <T extends object>(extra?: T) => ({ tenant, coacheeId: joId, ...(extra as T) });

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);

const tokenIn = (url: string) => new URL(url).pathname.slice(blobRoute.length);

/** The browser's side of a signed link. */
function send(url: string, init: { method: string; body?: Uint8Array; contentType?: string }) {
	const headers = new Headers(init.contentType ? { 'content-type': init.contentType } : {});
	return handleFileBlob(new Request(url, { method: init.method, headers, body: init.body as BodyInit | undefined }), app.platform, tokenIn(url));
}

/** "+ Files" for one file, as the dialog does it: start, PUT, finish. */
async function upload(who: TestClient, name: string, bytes: Uint8Array, visibility: 'private' | 'shared' = 'shared', coacheeId = joId) {
	const started = await who.files.startUpload.mutate({ tenant, coacheeId, name, size: bytes.length, declaredType: '', visibility });
	const put = await send(started.url, { method: 'PUT', body: bytes, contentType: started.contentType });
	expect(put.status).toBe(200);
	return { started, finish: () => who.files.finishUpload.mutate({ tenant, coacheeId, uploadId: started.uploadId }) };
}

async function uploaded(who: TestClient, name: string, bytes: Uint8Array, visibility: 'private' | 'shared' = 'shared', coacheeId = joId) {
	app.clock.advance(1000); // the list is newest first
	return (await (await upload(who, name, bytes, visibility, coacheeId)).finish()).id;
}

const names = async (who: TestClient, coacheeId = joId) => (await who.files.list.query({ tenant, coacheeId })).files.map((f) => f.name);
const storedObjects = async (key: string) => app.platform.files.get(key);

describe('uploading', () => {
	it('round-trips the bytes through the signed links, and tells the coachee with a link to the file', async () => {
		const id = await uploaded(coach, 'Session plan.pdf', pdf);
		const mine = await jo.files.list.query(ofJo());
		expect(mine.files).toEqual([expect.objectContaining({ id, name: 'Session plan.pdf', family: 'PDF', size: pdf.length, visibility: 'shared', uploadedBy: 'Cole Acme' })]);

		const detail = await jo.files.get.query(ofJo({ fileId: id }));
		expect(detail.preview?.kind).toBe('pdf');
		const download = await send(detail.downloadUrl, { method: 'GET' });
		expect(download.status).toBe(200);
		expect(download.headers.get('content-type')).toBe('application/pdf');
		expect(download.headers.get('x-content-type-options')).toBe('nosniff');
		expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="Session plan.pdf"/);
		expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
		expect((await send(detail.preview!.url, { method: 'GET' })).headers.get('content-disposition')).toMatch(/^inline/);

		const [note] = (await jo.notifications.list.query({ tenant })).items;
		expect(note).toMatchObject({ kind: 'file_shared_with_you', title: 'Cole Acme shared the file “Session plan.pdf”', href: `/t/acme/files/${id}` });
		expect(app.mailer.list().some((m) => m.to === 'jo@client.example' && m.subject.includes('Session plan.pdf'))).toBe(true);
		const profile = await coach.coachees.get.query(ofJo());
		expect(profile.activity.events[0]).toMatchObject({ kind: 'file', summary: 'Cole Acme shared the file “Session plan.pdf”' });
	});

	it('keeps a coachee’s upload shared whatever they ask, and tells their coach', async () => {
		const id = await uploaded(jo, 'My reflections.txt', new TextEncoder().encode('What went well this week…'), 'private');
		expect((await coach.files.list.query(ofJo())).files).toEqual([expect.objectContaining({ id, visibility: 'shared', uploadedBy: 'Jo Acme' })]);
		const [note] = (await coach.notifications.list.query({ tenant })).items;
		expect(note).toMatchObject({ kind: 'coachee_file_shared', href: `/t/acme/coachees/${joId}/files/${id}` });
	});

	it('says nothing about a private file to anyone', async () => {
		await uploaded(coach, 'My observations.txt', new TextEncoder().encode('private thoughts'), 'private');
		expect((await jo.notifications.list.query({ tenant })).items).toEqual([]);
		expect((await admin.coachees.get.query(ofJo())).activity.events.map((e) => e.summary).join()).not.toContain('observations');
	});

	it('refuses a type by name or a size over the limit before anything is stored', async () => {
		const start = (name: string, size: number) => coach.files.startUpload.mutate(ofJo({ name, size, declaredType: '', visibility: 'shared' as const }));
		expect((await failure(start('notes.exe', 10))).fieldErrors).toEqual({
			name: ['“notes.exe” is not a file type Tandem accepts: PDF, Word, Excel, PowerPoint, images (PNG, JPEG, GIF, WebP), text and CSV.']
		});
		expect((await failure(start('diagram.svg', 10))).fieldErrors?.name).toBeDefined();
		expect((await failure(start('big.pdf', 31 * 1024 * 1024))).fieldErrors).toEqual({ size: ['“big.pdf” is 31 MB; files can be at most 25 MB.'] });
		expect(await names(coach)).toEqual([]);
	});

	it('refuses content that is not what the name says, and removes its bytes and intent at once', async () => {
		for (const [name, bytes, message] of [
			['report.pdf', png, '“report.pdf” is not really a PDF: its content does not match its name, so it was not kept.'],
			['report.pdf', exe, '“report.pdf” is not a file type Tandem accepts: PDF, Word, Excel, PowerPoint, images (PNG, JPEG, GIF, WebP), text and CSV.']
		] as const) {
			const { started, finish } = await upload(coach, name, bytes);
			expect(await failure(finish())).toMatchObject({ code: 'BAD_REQUEST', message });
			expect(await storedObjects(started.storageKey)).toBeNull();
			expect((await failure(finish())).code).toBe('NOT_FOUND'); // the intent is gone too
		}
		expect(await names(coach)).toEqual([]);
		expect((await jo.notifications.list.query({ tenant })).items).toEqual([]);
	});

	it('checks the real size, not the announced one', async () => {
		const started = await coach.files.startUpload.mutate(ofJo({ name: 'big.pdf', size: 10, declaredType: 'application/pdf', visibility: 'shared' as const }));
		const big = new Uint8Array(maxFileBytes + 1);
		big.set(pdf);
		await app.platform.files.put(started.storageKey, big, 'application/pdf'); // what a PUT straight to R2 could store
		expect((await failure(coach.files.finishUpload.mutate(ofJo({ uploadId: started.uploadId })))).message).toBe('“big.pdf” is 25 MB; files can be at most 25 MB.');
		expect(await storedObjects(started.storageKey)).toBeNull();
	});

	it('removes an abandoned upload, bytes and intent, once it expires', async () => {
		const { started } = await upload(coach, 'Half.pdf', pdf);
		const tenantId = (await app.platform.db.control().execute("select id from tenants where slug = 'acme'")).rows[0]!.id as string;
		await runTenantDueWork(app.platform, tenantId);
		expect(await storedObjects(started.storageKey)).not.toBeNull(); // not yet expired

		app.clock.advance(uploadIntentMs + 1000);
		await runTenantDueWork(app.platform, tenantId);
		expect(await storedObjects(started.storageKey)).toBeNull();
		expect((await failure(coach.files.finishUpload.mutate(ofJo({ uploadId: started.uploadId })))).code).toBe('NOT_FOUND');
		expect(await names(coach)).toEqual([]);
	});
});

describe('signed links', () => {
	it('refuse a tampered, expired, wrong-method or wrong-type link with a plain 403', async () => {
		const id = await uploaded(coach, 'Plan.pdf', pdf);
		const { downloadUrl } = await coach.files.get.query(ofJo({ fileId: id }));
		const [payload, signature] = tokenIn(downloadUrl).split('.');
		const claims = JSON.parse(atob(payload!.replace(/-/g, '+').replace(/_/g, '/')));
		const forged = btoa(JSON.stringify({ ...claims, key: claims.key.replace(/[^/]+$/, 'someone-elses') })).replace(/=+$/, '');
		const refused = [
			await send(`${new URL(downloadUrl).origin}${blobRoute}${forged}.${signature}`, { method: 'GET' }),
			await send(downloadUrl, { method: 'PUT', body: png, contentType: 'application/pdf' })
		];
		const started = await coach.files.startUpload.mutate(ofJo({ name: 'x.pdf', size: pdf.length, declaredType: '', visibility: 'shared' as const }));
		refused.push(await send(started.url, { method: 'PUT', body: pdf, contentType: 'text/html' }));
		app.clock.advance(10 * 60_000);
		refused.push(await send(downloadUrl, { method: 'GET' }));
		for (const response of refused) {
			expect(response.status).toBe(403);
			expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
		}
		expect(await refused[0]!.text()).toMatch(/not valid or has expired/);
	});
});

describe('who sees and deletes what (DESIGN.md, files)', () => {
	let privateId: string;
	let sharedId: string;
	let joUploadId: string;
	beforeEach(async () => {
		privateId = await uploaded(coach, 'Coach private.txt', new TextEncoder().encode('mine'), 'private');
		sharedId = await uploaded(coach, 'Shared plan.pdf', pdf);
		joUploadId = await uploaded(jo, 'Jo upload.png', png);
	});

	it('shows the coach their private files and every shared one, the coachee and an admin only the shared ones', async () => {
		expect(await names(coach)).toEqual(['Jo upload.png', 'Shared plan.pdf', 'Coach private.txt']);
		expect(await names(jo)).toEqual(['Jo upload.png', 'Shared plan.pdf']);
		expect(await names(admin)).toEqual(['Jo upload.png', 'Shared plan.pdf']);
	});

	it('never opens a private file to the coachee or an admin by id', async () => {
		for (const who of [jo, admin]) {
			expect((await failure(who.files.get.query(ofJo({ fileId: privateId })))).code).toBe('NOT_FOUND');
			expect((await failure(who.files.download.query(ofJo({ fileId: privateId })))).code).toBe('NOT_FOUND');
			expect((await failure(who.files.delete.mutate(ofJo({ fileId: privateId })))).code).toBe('NOT_FOUND');
		}
	});

	it('refuses the other coach, the spectator, another coachee and a coachee naming another’s file', async () => {
		for (const who of [otherCoach, spectator, kim]) {
			expect(['FORBIDDEN', 'NOT_FOUND']).toContain((await failure(who.files.list.query(ofJo()))).code);
			expect(['FORBIDDEN', 'NOT_FOUND']).toContain((await failure(who.files.get.query(ofJo({ fileId: sharedId })))).code);
			expect(['FORBIDDEN', 'NOT_FOUND']).toContain((await failure(who.files.startUpload.mutate(ofJo({ name: 'x.pdf', size: 5, declaredType: '', visibility: 'shared' as const })))).code);
			expect(['FORBIDDEN', 'NOT_FOUND']).toContain((await failure(who.files.delete.mutate(ofJo({ fileId: sharedId })))).code);
		}
		// Kim names Jo's file under her own profile: not among hers.
		expect((await failure(kim.files.get.query({ tenant, coacheeId: kimId, fileId: sharedId }))).code).toBe('NOT_FOUND');
		expect(await names(coach)).toHaveLength(3);
	});

	it('lets the uploader delete, an admin a shared file, and no one else', async () => {
		expect((await failure(jo.files.delete.mutate(ofJo({ fileId: sharedId })))).code).toBe('FORBIDDEN');
		expect((await failure(coach.files.delete.mutate(ofJo({ fileId: joUploadId })))).code).toBe('FORBIDDEN');
		const listed = await coach.files.list.query(ofJo());
		expect(listed.files.map((f) => [f.name, f.mayDelete])).toEqual([['Jo upload.png', false], ['Shared plan.pdf', true], ['Coach private.txt', true]]);

		const { downloadUrl } = await coach.files.get.query(ofJo({ fileId: sharedId }));
		expect(await admin.files.delete.mutate(ofJo({ fileId: sharedId }))).toEqual({ name: 'Shared plan.pdf' });
		await jo.files.delete.mutate(ofJo({ fileId: joUploadId }));
		await coach.files.delete.mutate(ofJo({ fileId: privateId }));
		expect(await names(coach)).toEqual([]);
		// A link handed out before the delete finds nothing any more.
		expect((await send(downloadUrl, { method: 'GET' })).status).toBe(404);
	});
});

describe('pages of the list', () => {
	it('shows 25 files a page, newest first, with the total, in one tenant batch', async () => {
		for (let n = 1; n <= 30; n++) await uploaded(coach, `File ${n}.pdf`, pdf, n % 2 ? 'shared' : 'private');
		const newestFirst = Array.from({ length: 30 }, (_, i) => `File ${30 - i}.pdf`);

		const first = await coach.files.list.query(ofJo());
		expect(first).toMatchObject({ page: 1, pageSize: 25, total: 30 });
		expect(first.files.map((f) => f.name)).toEqual(newestFirst.slice(0, 25));
		const second = await coach.files.list.query(ofJo({ page: 2 }));
		expect(second).toMatchObject({ page: 2, total: 30 });
		expect(second.files.map((f) => f.name)).toEqual(newestFirst.slice(25));
		expect((await coach.files.list.query(ofJo({ page: 3 }))).files).toEqual([]);
		expect(await app.countRoundTrips(() => coach.files.list.query(ofJo({ page: 2 })))).toEqual({ control: 1, tenant: 1 });

		// The total counts only what the asker sees: Jo sees the 15 shared files, on one page.
		const jos = await jo.files.list.query(ofJo());
		expect(jos).toMatchObject({ total: 15 });
		expect(jos.files.map((f) => f.name)).toEqual(newestFirst.filter((_, i) => i % 2 === 1));
	});
});

describe('round trips', () => {
	it('costs one tenant batch for the Files tab and a file’s page', async () => {
		const id = await uploaded(coach, 'Plan.pdf', pdf);
		expect(await app.countRoundTrips(() => coach.files.list.query(ofJo()))).toEqual({ control: 1, tenant: 1 });
		expect(await app.countRoundTrips(() => jo.files.get.query(ofJo({ fileId: id })))).toEqual({ control: 1, tenant: 1 });
	});
});
