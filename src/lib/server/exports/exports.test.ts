/**
 * Export Engagements through the real HTTP handler and the real `export.chunk` job on the
 * in-process queue: the file's exact bytes, what it holds for each role and filter, the
 * per-engagement shape, at-least-once delivery (a chunk twice, a lost message resumed by the
 * due work), the notification, the download link (requester only, 5 minutes, 7 days), and
 * the round trips of the page views.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { engagementExports, engagementItems, engagements, people } from '../db/tenant/schema';
import { deliveryFixture, type DeliveryFixture } from '../engagements/delivery-fixture';
import { handleFileBlob } from '../files/blob';
import type { JobMessage } from '../jobs/messages';
import { blobRoute } from '../platform/app-file-links';
import { failure, strongPassword, tokenOf, type TestClient } from '../testing/harness';
import { tenant } from '../testing/coaching-fixture';
import { exportFileKey, exportPartKey } from './job';
import { chunkSize } from './rows';
import { engagementPaths } from '../../engagements/paths';
import type { NewExport } from '../../exports/schema';

let f: DeliveryFixture;
beforeEach(async () => {
	f = await deliveryFixture();
});
afterEach(() => f.app.cleanup());

const at = (iso: string) => new Date(iso);
const session = { kind: 'session', durationMinutes: 60, format: 'online', location: '', message: '', coacheeSchedules: false } as const;
const link = { kind: 'link', url: 'https://example.com/read' } as const;

async function engagement(title: string, extra: Partial<typeof engagements.$inferInsert> = {}) {
	const [row] = await f.db
		.insert(engagements)
		.values({ id: crypto.randomUUID(), coacheeId: f.joId, coachId: f.coleId, title, status: 'active', shared: false, startsOn: '2026-11-01', ...extra })
		.returning();
	return row!;
}

async function item(engagementId: string, position: number, title: string, details: typeof session | typeof link, extra: Partial<typeof engagementItems.$inferInsert> = {}) {
	await f.db.insert(engagementItems).values({ id: crypto.randomUUID(), engagementId, coacheeId: f.joId, position, kind: details.kind, title, details, ...extra });
}

/** Starts an export and lets its job run to the end (the client drains the queue). */
async function exported(who: TestClient, input: Partial<NewExport> = {}) {
	const { id } = await who.exports.start.mutate({ tenant, shape: 'item', ...input });
	return who.exports.get.query({ tenant, exportId: id });
}

const tokenIn = (url: string) => new URL(url).pathname.slice(blobRoute.length);

/** The file as the browser gets it through the download link. */
async function download(who: TestClient, exportId: string) {
	const { url } = await who.exports.downloadLink.mutate({ tenant, exportId });
	return handleFileBlob(new Request(url), f.app.platform, tokenIn(url));
}

const bytesOf = async (who: TestClient, exportId: string) => new Uint8Array(await (await download(who, exportId)).arrayBuffer());
const textOf = async (who: TestClient, exportId: string) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytesOf(who, exportId));
const recordsOf = async (who: TestClient, exportId: string) => parse(await textOf(who, exportId), { bom: true, columns: true }) as Record<string, string>[];
const olgaId = async () => (await f.db.query.people.findFirst({ where: eq(people.email, 'olga@acme.example') }))!.id;

describe('the file', () => {
	it('is UTF-8 with a BOM, CRLF, RFC 4180 quoting and formula cells neutralised, byte for byte', async () => {
		await f.db.update(people).set({ firstName: '-Jo', lastName: '@Lee' }).where(eq(people.id, f.joId));
		const hostile = await engagement('=HYPERLINK("http://evil.example","Zoë")', { shared: true, endsOn: '2026-12-31' });
		await item(hostile.id, 0, 'Kick-off, part 1', session, { scheduledAt: at('2026-11-25T14:00:00Z') });
		await item(hostile.id, 1, 'Read "this"', link, { deliveredAt: at('2026-11-20T08:00:00Z'), completedAt: at('2026-11-21T23:30:00Z') });
		await engagement('Two\nlines', { status: 'completed', startsOn: '2026-11-02' });
		await engagement('+1 plan', { status: 'draft', startsOn: '2026-11-03', coacheeId: f.kimId });

		const done = await exported(f.admin);
		expect(done).toMatchObject({ status: 'finished', totalEngagements: 3, engagementsDone: 3, rowsWritten: 4 });
		const head = 'Engagement,Coachee,Coachee email,Coach,Coach email,Status,Shared,Start date,End date,Item #,Item kind,Item title,Item state,Scheduled for (UTC),Completed on,Sent on';
		const jo = `'-Jo @Lee,jo@client.example,Cole Acme,cole@acme.example`;
		const expected = [
			head,
			`"'=HYPERLINK(""http://evil.example"",""Zoë"")",${jo},Active,Yes,2026-11-01,2026-12-31,1,Coaching Session,"Kick-off, part 1",Scheduled,2026-11-25T14:00:00Z,,`,
			`"'=HYPERLINK(""http://evil.example"",""Zoë"")",${jo},Active,Yes,2026-11-01,2026-12-31,2,Link,"Read ""this""",Completed,,2026-11-21,2026-11-20`,
			`"Two\nlines",${jo},Completed,No,2026-11-02,,,,,,,,`,
			`'+1 plan,Kim Park,kim@client.example,Cole Acme,cole@acme.example,Draft,No,2026-11-03,,,,,,,,`
		];
		const bytes = await bytesOf(f.admin, done.id);
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(`\uFEFF${expected.join('\r\n')}\r\n`);
		expect(done.sizeBytes).toBe(bytes.length);
		// The parts are gone once the file is whole.
		expect(await f.app.platform.files.get(exportPartKey(f.tenantRow.id, done.id, 0))).toBeNull();
	});

	it('holds the engagements the Engagements list shows for the same filters', async () => {
		for (let i = 0; i < 6; i++) await engagement(`Cole ${i}`, { status: i % 3 === 0 ? 'completed' : 'active', coacheeId: i % 2 ? f.kimId : f.joId });
		await engagement('Olga active', { coachId: await olgaId() });
		const filters = { status: 'active', coachId: f.coleId } as const;
		const listed = (await f.admin.engagements.list.query({ tenant, ...filters })).rows.map((row) => `${row.title} / ${row.coachee.name}`);
		const { id } = await exported(f.admin, filters);
		const rows = (await recordsOf(f.admin, id)).map((row) => `${row.Engagement} / ${row.Coachee}`);
		expect(rows.sort()).toEqual(listed.sort());
		expect(rows).toHaveLength(4);
	});

	it('has one row per engagement with counts and the next scheduled item when asked', async () => {
		const e = await engagement('Counted');
		await item(e.id, 0, 'Past', session, { scheduledAt: at('2026-11-20T10:00:00Z'), completedAt: at('2026-11-20T11:00:00Z') });
		await item(e.id, 1, 'Later', session, { scheduledAt: at('2026-12-10T10:00:00Z') });
		await item(e.id, 2, 'Sooner', session, { scheduledAt: at('2026-12-01T09:30:00Z') });
		await engagement('Empty', { startsOn: '2026-11-05' });
		const { id } = await exported(f.admin, { shape: 'engagement' });
		const records = await recordsOf(f.admin, id);
		expect(records.map((r) => [r.Engagement, r.Items, r['Items completed'], r['Next scheduled item (UTC)']])).toEqual([
			['Counted', '3', '1', '2026-12-01T09:30:00Z'],
			['Empty', '0', '0', '']
		]);
		expect(Object.keys(records[0]!)).not.toContain('Item title');
	});
});

describe('filters and who sees what', () => {
	it('narrows by start dates, coach, coachee and status', async () => {
		await engagement('Early', { startsOn: '2026-10-01' });
		await engagement('Mid', { startsOn: '2026-11-15', coacheeId: f.kimId });
		await engagement('Late', { startsOn: '2026-12-20', status: 'completed' });
		await engagement('Olga’s', { startsOn: '2026-11-16', coachId: await olgaId() });
		const titles = async (input: Partial<NewExport>) => (await recordsOf(f.admin, (await exported(f.admin, input)).id)).map((r) => r.Engagement);
		expect(await titles({ from: '2026-11-01', to: '2026-11-30' })).toEqual(['Mid', 'Olga’s']);
		expect(await titles({ from: '2026-11-16' })).toEqual(['Olga’s', 'Late']);
		expect(await titles({ coachId: await olgaId() })).toEqual(['Olga’s']);
		expect(await titles({ coacheeId: f.kimId })).toEqual(['Mid']);
		expect(await titles({ status: 'completed' })).toEqual(['Late']);
		expect((await failure(f.admin.exports.start.mutate({ tenant, shape: 'item', from: '2026-12-01', to: '2026-11-01' }))).fieldErrors).toMatchObject({ to: [expect.stringMatching(/before its start/)] });
	});

	it('gives a coach only the engagements they coach that are not Drafts, and refuses another coach', async () => {
		await engagement('Mine active');
		await engagement('Mine completed', { status: 'completed' });
		await engagement('Mine draft', { status: 'draft' });
		await engagement('Olga’s', { coachId: await olgaId() });
		const { id, totalEngagements } = await exported(f.coach);
		expect(totalEngagements).toBe(2);
		expect((await recordsOf(f.coach, id)).map((r) => r.Engagement).sort()).toEqual(['Mine active', 'Mine completed']);
		expect((await failure(f.coach.exports.start.mutate({ tenant, shape: 'item', coachId: await olgaId() }))).fieldErrors).toMatchObject({ coachId: [expect.stringMatching(/only the engagements you coach/)] });
		expect((await failure(f.coach.exports.start.mutate({ tenant, shape: 'item', status: 'draft' }))).fieldErrors).toHaveProperty('status');
		expect((await failure(f.jo.exports.start.mutate({ tenant, shape: 'item' }))).code).toBe('FORBIDDEN');
		expect((await failure(f.spectator.exports.page.query({ tenant }))).code).toBe('FORBIDDEN');
	});

	it('exports what the requester may see when the job runs, and stops if they may no longer export', async () => {
		await engagement('Mine');
		const hold: JobMessage[] = [];
		const send = f.app.platform.queue.send.bind(f.app.platform.queue);
		f.app.platform.queue.send = async (message) => void hold.push(message);
		const { id } = await f.coach.exports.start.mutate({ tenant, shape: 'item' });
		await f.db.update(people).set({ roles: ['coachee'] }).where(eq(people.id, f.coleId));
		f.app.platform.queue.send = send;
		for (const message of hold) await send(message);
		await f.app.queue.drain();
		const [job] = await f.db.select().from(engagementExports).where(eq(engagementExports.id, id));
		expect(job).toMatchObject({ status: 'failed', error: expect.stringMatching(/no longer export/) });
	});
});

describe('at-least-once', () => {
	/** More engagements than fit one chunk, one item each. */
	async function manyEngagements(n: number) {
		const rows = Array.from({ length: n }, (_, i) => ({
			id: `e${String(i).padStart(5, '0')}`,
			coacheeId: i % 2 ? f.kimId : f.joId,
			coachId: f.coleId,
			title: `Engagement ${i}`,
			status: 'active' as const,
			startsOn: `2026-11-${String((i % 28) + 1).padStart(2, '0')}`
		}));
		for (let i = 0; i < n; i += 200) await f.db.insert(engagements).values(rows.slice(i, i + 200));
		const items = rows.map((row) => ({ id: `i-${row.id}`, engagementId: row.id, coacheeId: row.coacheeId, position: 0, kind: 'link' as const, title: `Read ${row.title}`, details: link }));
		for (let i = 0; i < n; i += 200) await f.db.insert(engagementItems).values(items.slice(i, i + 200));
	}

	/** Every export.chunk message passes through `route` instead of straight to the queue. */
	function routeChunks(route: (message: JobMessage, send: (message: JobMessage) => Promise<void>) => Promise<void>) {
		const send = f.app.platform.queue.send.bind(f.app.platform.queue);
		f.app.platform.queue.send = (message, options) => (message.type === 'export.chunk' ? route(message, (m) => send(m, options)) : send(message, options));
		return () => void (f.app.platform.queue.send = send);
	}

	it('writes the same file when each chunk is delivered twice, and when a lost message is resumed by the due work', async () => {
		await manyEngagements(chunkSize * 2 + 10);
		const reference = await exported(f.admin);
		expect(reference).toMatchObject({ status: 'finished', engagementsDone: chunkSize * 2 + 10, rowsWritten: chunkSize * 2 + 10 });
		const expected = await textOf(f.admin, reference.id);
		expect(parse(expected, { bom: true, columns: true })).toHaveLength(chunkSize * 2 + 10);

		const restore = routeChunks(async (message, send) => {
			await send(message);
			await send(message);
		});
		const twice = await exported(f.admin);
		restore();
		expect(twice).toMatchObject({ status: 'finished', rowsWritten: reference.rowsWritten, sizeBytes: reference.sizeBytes });
		expect(await textOf(f.admin, twice.id)).toBe(expected);

		// Chunk 1's message is lost (the worker died after moving the cursor): nothing moves...
		const restoreLoss = routeChunks(async (message, send) => {
			if (message.type === 'export.chunk' && message.chunk === 1) return;
			await send(message);
		});
		const { id } = await f.admin.exports.start.mutate({ tenant, shape: 'item' });
		restoreLoss();
		await f.tick();
		expect(await f.admin.exports.get.query({ tenant, exportId: id })).toMatchObject({ status: 'running', engagementsDone: chunkSize });
		// ...until the export has been still for 5 minutes: the due work sends chunk 1 again.
		f.app.clock.advance(5 * 60_000 + 1000);
		await f.tick();
		const resumed = await f.admin.exports.get.query({ tenant, exportId: id });
		expect(resumed).toMatchObject({ status: 'finished', rowsWritten: reference.rowsWritten });
		expect(await textOf(f.admin, id)).toBe(expected);
	});
	it('stops an export whose chunks keep getting lost after an hour, instead of retrying forever', async () => {
		await manyEngagements(3);
		const restore = routeChunks(async () => {});
		const { id } = await f.admin.exports.start.mutate({ tenant, shape: 'item' });
		for (let minutes = 6; minutes < 60; minutes += 6) {
			f.app.clock.advance(6 * 60_000);
			await f.tick();
			expect((await f.admin.exports.get.query({ tenant, exportId: id })).status).toBe('queued');
		}
		f.app.clock.advance(6 * 60_000);
		await f.tick();
		restore();
		expect(await f.admin.exports.get.query({ tenant, exportId: id })).toMatchObject({ status: 'failed', error: expect.stringMatching(/Start it again/) });
	});
});

describe('ready, download and expiry', () => {
	it('tells the requester in the app and by email, with a link to the export', async () => {
		await engagement('Mine');
		const { id } = await exported(f.coach);
		const note = (await f.coach.notifications.list.query({ tenant })).items.find((n) => n.kind === 'export_ready');
		expect(note).toMatchObject({ title: 'Your export of 1 engagement is ready', href: `/t/${tenant}${engagementPaths.exportJob(id)}` });
		expect(f.app.linksSentTo('cole@acme.example').some((l) => l.endsWith(`/t/${tenant}${engagementPaths.exportJob(id)}`))).toBe(true);
	});

	it('gives the download link to the requester only, for 5 minutes, until the export expires', async () => {
		await engagement('Mine');
		const { id } = await exported(f.admin);
		const response = await download(f.admin, id);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="engagements-2026-11-23\.csv"/);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');

		const { id: secondAdminId } = await f.admin.members.invite.mutate({ tenant, email: 'abe@acme.example', firstName: 'Abe', lastName: 'Acme', role: 'admin' });
		expect(secondAdminId).toBeTruthy();
		const abe = f.app.client();
		await abe.invitations.accept.mutate({ tenant, token: tokenOf(f.app.linksSentTo('abe@acme.example').find((l) => l.includes('/invite/'))!), firstName: 'Abe', lastName: 'Acme', password: strongPassword });
		for (const other of [abe, f.coach]) {
			expect((await failure(other.exports.downloadLink.mutate({ tenant, exportId: id }))).code).toBe('NOT_FOUND');
			expect((await failure(other.exports.get.query({ tenant, exportId: id }))).code).toBe('NOT_FOUND');
		}
		expect((await failure(abe.exports.get.query({ tenant, exportId: 'missing' }))).message).toBe((await failure(abe.exports.get.query({ tenant, exportId: id }))).message);

		const { url } = await f.admin.exports.downloadLink.mutate({ tenant, exportId: id });
		f.app.clock.advance(5 * 60_000 + 1000);
		expect((await handleFileBlob(new Request(url), f.app.platform, tokenIn(url))).status).toBe(403);

		f.app.clock.advance(7 * 24 * 3600_000);
		expect((await failure(f.admin.exports.downloadLink.mutate({ tenant, exportId: id }))).message).toMatch(/expired/);
		await f.tick();
		expect(await f.app.platform.files.get(exportFileKey(f.tenantRow.id, id))).toBeNull();
		expect((await f.admin.exports.page.query({ tenant })).recent[0]).toMatchObject({ id, status: 'finished', downloadable: false });
	});
});

describe('page views', () => {
	it('cost one tenant round trip each', async () => {
		await engagement('Mine');
		const { id } = await exported(f.admin, { status: 'active', coachId: f.coleId });
		const page = await f.admin.exports.page.query({ tenant });
		expect(page.recent[0]).toMatchObject({ id, described: 'Active · coach Cole Acme', rowsWritten: 1, downloadable: true });
		expect(page.coaches.map((c) => c.name)).toContain('Olga Acme');
		expect((await f.coach.exports.page.query({ tenant })).coaches).toEqual([]);
		for (const view of [() => f.admin.exports.page.query({ tenant }), () => f.admin.exports.get.query({ tenant, exportId: id })]) {
			expect((await f.app.countRoundTrips(view)).tenant).toBe(1);
		}
	});
});
