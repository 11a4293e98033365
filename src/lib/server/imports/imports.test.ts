/**
 * Bulk Create through the real HTTP handler and the real `import.chunk` handler: a file with
 * good and bad rows, every reason a row is rejected, the refusals at upload, who may use it,
 * the CSV dialects, and the queue's worst habits (a chunk delivered twice, at once, or after
 * a crash between chunks), which must never make a row's engagement twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { openControlDb, openTenantDb } from '../db';
import { tenants } from '../db/control/schema';
import { engagementImports, engagementItems, engagements, people, programTemplates } from '../db/tenant/schema';
import { handleJob } from '../jobs/runner';
import type { JobMessage } from '../jobs/messages';
import type { FileStore, JobQueue } from '../platform/ports';
import { failure, type TestApp, type TestClient } from '../testing/harness';
import { coachingFixture, tenant } from '../testing/coaching-fixture';
import { inspectCsv, maxImportBytes, rowsPerChunk } from './csv-reader';
import { rejectedRowsCsv, templateCsv, templateFileName } from './downloads';
import { mapColumns, missingColumns } from '../../imports/schema';
import type { ProgramItem } from '../../engagements/schema';

let app: TestApp;
let admin: TestClient;
let coach: TestClient;
let jo: TestClient;

const header = 'Coachee email,Coachee first name,Coachee last name,Coach email,Program template,Engagement name,Start date,End date,Status,Is_shared,Link_1,Link_1 name,Link_1 complete';
const items: ProgramItem[] = [
	{ id: 'a', kind: 'session', title: 'Kick-off', durationMinutes: 60, format: 'online', message: '', coacheeSchedules: false },
	{ id: 'b', kind: 'link', title: 'Reading', url: 'https://example.com/read' }
];

const tenantDb = async () => {
	const row = await openControlDb(app.platform).query.tenants.findFirst({ where: eq(tenants.slug, tenant) });
	return openTenantDb(app.platform, row!);
};

async function program(name: string, archived = false) {
	await (await tenantDb()).insert(programTemplates).values({ id: crypto.randomUUID(), name, items, ownerId: null, archivedAt: archived ? app.clock.now() : null });
}

const base64 = (content: string | Uint8Array) => Buffer.from(content).toString('base64');
const upload = (who: TestClient, content: string | Uint8Array, fileName = 'bulk.csv') => who.imports.start.mutate({ tenant, fileName, file: base64(content) });
const csv = (...lines: string[]) => [header, ...lines].join('\n') + '\n';
/** A good row for a new coachee `n` of Cole's. */
const goodRow = (n: number, extra = { status: 'Active', shared: '1', start: '2026-12-01' }) =>
	`new${n}@client.example,New,Person ${n},cole@acme.example,Leadership 90,,${extra.start},,${extra.status},${extra.shared},https://example.com/pack-${n},Pack ${n},1`;
const page = (importId: string, pageNumber = 1) => admin.imports.get.query({ tenant, importId, page: pageNumber });

async function engagementsOf(importId: string) {
	const db = await tenantDb();
	const job = await db.query.engagementImports.findFirst({ where: eq(engagementImports.id, importId) });
	return db.select().from(engagements).where(eq(engagements.createdBy, job!.requestedBy));
}

beforeAll(async () => {
	({ app, admin, coach, jo } = await coachingFixture());
	await program('Leadership 90');
	await program('Old program', true);
});
afterAll(() => app.cleanup());

describe('a file of 50 rows with 3 bad ones', () => {
	let importId: string;
	beforeAll(async () => {
		const good = Array.from({ length: 47 }, (_, i) => goodRow(i + 1));
		const bad = [
			'bad1@client.example,Bad,One,nobody@acme.example,Leadership 90,,2026-12-01,,Draft,0,,,',
			'bad2@client.example,Bad,Two,cole@acme.example,Leadership 90,,01/12/2026,,Draft,0,,,',
			'bad3@client.example,Bad,Three,cole@acme.example,Leadership 99,,2026-12-01,,Draft,0,,,'
		];
		// Bad rows on lines 11, 31 and 51 (the header is line 1).
		const rows = [...good.slice(0, 9), bad[0]!, ...good.slice(9, 28), bad[1]!, ...good.slice(28), bad[2]!];
		({ id: importId } = await upload(admin, csv(...rows)));
	});

	it('creates the 47 good ones, with new coachees, their template items and their links', async () => {
		const result = await page(importId);
		expect(result).toMatchObject({ status: 'finished', rowsRead: 50, rowsCreated: 47, rowsRejected: 3, fileName: 'bulk.csv', requestedBy: 'Ada Admin' });
		expect(result.bytesRead).toBe(result.fileSize);
		const made = await engagementsOf(importId);
		expect(made).toHaveLength(47);
		expect(made.every((e) => e.status === 'active' && e.shared && e.title === 'Leadership 90' && e.startsOn === '2026-12-01')).toBe(true);
		const db = await tenantDb();
		const coachee = await db.query.people.findFirst({ where: eq(people.email, 'new7@client.example') });
		const cole = await db.query.people.findFirst({ where: eq(people.email, 'cole@acme.example') });
		expect(coachee).toMatchObject({ firstName: 'New', lastName: 'Person 7', status: 'not_invited', roles: ['coachee'], coachId: cole!.id });
		const theirs = made.find((e) => e.coacheeId === coachee!.id)!;
		const itemRows = await db.select().from(engagementItems).where(eq(engagementItems.engagementId, theirs.id));
		expect(itemRows.sort((a, b) => a.position - b.position).map((i) => [i.kind, i.title, i.completedAt !== null])).toEqual([
			['session', 'Kick-off', false],
			['link', 'Reading', false],
			['link', 'Pack 7', true]
		]);
	});

	it('lists the 3 bad lines with their reasons', async () => {
		const { rejected } = await page(importId);
		expect(rejected.total).toBe(3);
		expect(rejected.rows.map((r) => [r.line, r.email])).toEqual([
			[11, 'bad1@client.example'],
			[31, 'bad2@client.example'],
			[51, 'bad3@client.example']
		]);
		expect(rejected.rows[0]!.reason).toMatch(/Unknown coach: no one in this workspace has the email nobody@acme\.example/);
		expect(rejected.rows[1]!.reason).toMatch(/Start date “01\/12\/2026” is not written as YYYY-MM-DD/);
		expect(rejected.rows[2]!.reason).toMatch(/Missing template: no program template is named “Leadership 99”/);
		const download = rejectedRowsCsv(await admin.imports.rejectedRows.query({ tenant, importId }));
		expect(download.split('\r\n')[0]).toBe(`\uFEFF${header},Error`);
		expect(download).toContain('bad2@client.example,Bad,Two,cole@acme.example,Leadership 90,,01/12/2026,,Draft,0,,,,"Start date “01/12/2026” is not written as YYYY-MM-DD');
	});

	it('tells the requester it finished, and the coach once for the chunk of Active engagements', async () => {
		const mine = await admin.notifications.list.query({ tenant });
		expect(mine.items.find((n) => n.kind === 'bulk_create_finished')).toMatchObject({ title: 'Bulk Create of “bulk.csv” finished', body: expect.stringContaining('47 engagements created, 3 rows rejected') });
		const coles = (await coach.notifications.list.query({ tenant })).items.filter((n) => n.kind === 'engagement_assigned');
		expect(coles.map((n) => n.title)).toEqual(['Ada Admin assigned you 47 engagements']);
	});

	it('shows its progress and a page of rejected rows in one tenant round trip, as does the upload page', async () => {
		expect(await app.countRoundTrips(() => page(importId))).toEqual({ control: 1, tenant: 1 });
		expect(await app.countRoundTrips(() => admin.imports.recent.query({ tenant }))).toEqual({ control: 1, tenant: 1 });
	});

	it('keeps the uploaded file no longer than it reads it', async () => {
		const job = await (await tenantDb()).query.engagementImports.findFirst({ where: eq(engagementImports.id, importId) });
		expect(job!.fileKey).toMatch(/^tenants\/[^/]+\/imports\/[0-9a-f-]+\.csv$/);
		expect(await app.platform.files.readStart(job!.fileKey, 10)).toBeNull();
	});

	it('lists it among the admin’s recent bulk creates', async () => {
		expect((await admin.imports.recent.query({ tenant }))[0]).toMatchObject({ id: importId, status: 'finished', rowsCreated: 47, rowsRejected: 3 });
	});

	it('refuses a second upload of the same rows as duplicates of what exists', async () => {
		const { id } = await upload(admin, csv(goodRow(1), goodRow(2)));
		const { rejected, rowsCreated } = await page(id);
		expect(rowsCreated).toBe(0);
		expect(rejected.rows.map((r) => r.reason)).toEqual([
			'Duplicate: new1@client.example already has an engagement from “Leadership 90” starting 2026-12-01.',
			'Duplicate: new2@client.example already has an engagement from “Leadership 90” starting 2026-12-01.'
		]);
	});
});

describe('a program template with an assessment', () => {
	it('copies the assessment and its questions into each engagement, and refuses rows of a template whose assessment is gone', async () => {
		const questions = [{ id: 'q', kind: 'scale' as const, prompt: 'How ready are you?', required: true }];
		const { id: templateId } = await admin.assessments.createTemplate.mutate({ tenant, title: 'Readiness', kind: 'assessment', questions });
		const db = await tenantDb();
		const withAssessment: ProgramItem[] = [{ id: 'r', kind: 'assessment', title: 'Readiness check', assessmentTemplateId: templateId }];
		await db.insert(programTemplates).values([
			{ id: crypto.randomUUID(), name: 'Readiness program', items: withAssessment, ownerId: null },
			{ id: crypto.randomUUID(), name: 'Broken program', items: [{ id: 'x', kind: 'assessment', title: 'Gone', assessmentTemplateId: 'missing' }], ownerId: null }
		]);
		const { id } = await upload(
			admin,
			csv('ready1@client.example,Rea,Dy,cole@acme.example,Readiness program,,2026-12-03,,Draft,0,,,', 'ready2@client.example,Rea,Dy,cole@acme.example,Broken program,,2026-12-03,,Draft,0,,,')
		);
		await app.queue.drain();
		const result = await page(id);
		expect(result).toMatchObject({ rowsCreated: 1, rowsRejected: 1 });
		expect(result.rejected.rows[0]!.reason).toMatch(/“Broken program” uses an assessment or a file that cannot be sent any more/);
		const [made] = (await engagementsOf(id)).filter((e) => e.title === 'Readiness program');
		const [item] = await db.select().from(engagementItems).where(eq(engagementItems.engagementId, made!.id));
		expect(item).toMatchObject({ kind: 'assessment', title: 'Readiness check', details: { kind: 'assessment', assessmentTemplateId: templateId, questions } });
	});
});

describe('each reason a row is rejected', () => {
	const cases: [string, RegExp][] = [
		['not-an-email,A,B,cole@acme.example,Leadership 90,,2026-12-02,,,,,,', /Coachee email “not-an-email” is not an email address/],
		['olga@acme.example,,,cole@acme.example,Leadership 90,,2026-12-02,,,,,,', /olga@acme\.example belongs to Olga Acme, who is in this workspace as Coach, not as a coachee/],
		['nameless@client.example,,,cole@acme.example,Leadership 90,,2026-12-02,,,,,,', /not a coachee of this workspace yet: fill in Coachee first name and Coachee last name/],
		['jo@client.example,,,sal@acme.example,Leadership 90,,2026-12-02,,,,,,', /Unknown coach: sal@acme\.example belongs to Sal Acme, who is not a coach/],
		['jo@client.example,,,cole@acme.example,old program,,2026-12-02,,,,,,', /The program template “Old program” is archived/],
		['jo@client.example,,,cole@acme.example,Leadership 90,,2026-02-30,,,,,,', /Start date 2026-02-30 is not a day of the calendar/],
		['jo@client.example,,,cole@acme.example,Leadership 90,,,,,,,,', /Start date is empty/],
		['jo@client.example,,,cole@acme.example,Leadership 90,,2026-12-05,2026-12-01,,,,,', /End date 2026-12-01 is before the start date 2026-12-05/],
		['jo@client.example,,,cole@acme.example,Leadership 90,,2026-12-06,,Pending,,,,', /Status “Pending” is not Draft or Active/],
		['jo@client.example,,,cole@acme.example,Leadership 90,,2026-12-07,,,yes,,,', /Is_shared “yes” is not 1 or 0/],
		['jo@client.example,,,cole@acme.example,Leadership 90,,2026-12-08,,,,javascript:alert(1),Click,', /Bad link: Link_1 “javascript:alert\(1\)”/],
		['jo@client.example,,,cole@acme.example,Leadership 90,,2026-12-09,,,,,Orphan name,', /Link_1 name is filled in but Link_1 is empty/],
		['jo@client.example,,,cole@acme.example,Leadership 90,,2026-12-10,,,,https://example.com,Fine,2', /Link_1 complete “2” is not 1 or 0/],
		['jo@client.example,,,cole@acme.example,Leadership 90,,2026-12-11,,,,,,', /^$/],
		['JO@client.example,,,cole@acme.example,leadership  90,,2026-12-11,,,,,,', /^Duplicate of line 15: the same coachee, program template and start date\.$/]
	];

	it('says why for each line, and creates the one good row', async () => {
		const { id } = await upload(admin, csv(...cases.map(([row]) => row)));
		const result = await page(id);
		expect(result).toMatchObject({ status: 'finished', rowsRead: cases.length, rowsCreated: 1, rowsRejected: cases.length - 1 });
		const reasons = new Map(result.rejected.rows.map((r) => [r.line, r.reason]));
		cases.forEach(([, reason], index) => expect(reasons.get(index + 2) ?? '', `line ${index + 2}`).toMatch(reason));
	});
});

describe('a row the parser cannot read', () => {
	it('stops there as failed with its line, keeping what the rows before it made', async () => {
		const { id } = await upload(admin, csv(goodRow(600), goodRow(601), 'broken@client.example,"Never closed,x,cole@acme.example,Leadership 90,,2026-12-01', goodRow(602)));
		const job = await page(id);
		expect(job).toMatchObject({ status: 'failed', rowsCreated: 2, rowsRejected: 0 });
		expect(job.error).toMatch(/^Stopped at line 4: This row opens a quote/);
		const note = (await admin.notifications.list.query({ tenant })).items.find((n) => n.href.endsWith(id));
		expect(note).toMatchObject({ title: 'Bulk Create of “bulk.csv” stopped' });
	});
});

describe('the template', () => {
	it('names every column Bulk Create reads, in a file it accepts', async () => {
		const layout = inspectCsv(new TextEncoder().encode(templateCsv()), templateFileName);
		expect(missingColumns(mapColumns(layout.columns))).toEqual([]);
		expect(mapColumns(layout.columns).links).toEqual([{ n: 1, url: 10, name: 11, complete: 12 }]);
	});
});

describe('refusals at upload', () => {
	it.each([
		['a picture', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'photo.png', /is not a CSV file/],
		['a workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'people.csv', /is a spreadsheet workbook/],
		['an empty file', '', 'empty.csv', /is empty/],
		['a file without its header', 'jo@client.example,,,cole@acme.example,Leadership 90,,2026-12-01\n', 'rows.csv', /looks like a row of data, not the header/],
		['a file missing a required column', 'Coachee email,Program template,Start date\njo@client.example,Leadership 90,2026-12-01\n', 'short.csv', /has no “Coach email” column/]
	])('refuses %s under the file field, keeping nothing', async (_what, content, fileName, message) => {
		const before = (await admin.imports.recent.query({ tenant })).length;
		const refused = await failure(upload(admin, typeof content === 'string' ? content : content, fileName));
		expect(refused.code).toBe('BAD_REQUEST');
		expect(refused.fieldErrors?.file?.[0]).toMatch(message);
		expect(await admin.imports.recent.query({ tenant })).toHaveLength(before);
	});

	it('refuses a file over the limit with its size', async () => {
		const big = csv(...Array.from({ length: Math.ceil(maxImportBytes / 100) }, (_, i) => goodRow(i)));
		expect(big.length).toBeGreaterThan(maxImportBytes);
		expect((await failure(upload(admin, big))).fieldErrors?.file?.[0]).toMatch(/Bulk Create takes files up to 5\.0 MB/);
	});
});

describe('who may use it', () => {
	it('refuses a coach and a coachee, whatever they ask', async () => {
		const { id } = await upload(admin, csv(goodRow(900)));
		for (const who of [coach, jo]) {
			expect((await failure(upload(who, csv(goodRow(901))))).code).toBe('FORBIDDEN');
			expect((await failure(who.imports.get.query({ tenant, importId: id, page: 1 }))).code).toBe('FORBIDDEN');
			expect((await failure(who.imports.rejectedRows.query({ tenant, importId: id }))).code).toBe('FORBIDDEN');
			expect((await failure(who.imports.recent.query({ tenant }))).code).toBe('FORBIDDEN');
		}
	});
});

describe('CSV as spreadsheets write it', () => {
	it('reads a byte order mark, CRLF, Excel’s “;” and quoted separators, quotes and line breaks', async () => {
		const rows = [
			'\uFEFFCoachee email;Coachee first name;Coachee last name;Coach email;Program template;Engagement name;Start date;Is_shared',
			'zoe@client.example;Zoë;"Dupont; Jr";cole@acme.example;Leadership 90;"Q1 ""pilot""\r\ncohort, Paris";2026-12-03;0',
			'',
			'yann@client.example;Yann;Le Goff;cole@acme.example;Leadership 90;;2026-12-03;1'
		];
		const { id } = await upload(admin, rows.join('\r\n') + '\r\n', 'excel.csv');
		expect(await page(id)).toMatchObject({ status: 'finished', rowsCreated: 2, rowsRejected: 0 });
		const db = await tenantDb();
		const zoe = await db.query.people.findFirst({ where: eq(people.email, 'zoe@client.example') });
		expect(zoe).toMatchObject({ firstName: 'Zoë', lastName: 'Dupont; Jr' });
		const [made] = await db.select().from(engagements).where(eq(engagements.coacheeId, zoe!.id));
		expect(made!.title).toBe('Q1 "pilot" cohort, Paris');
	});
});

describe('the rejected rows download', () => {
	it('neutralises cells a spreadsheet would run as formulas', async () => {
		const { id } = await upload(admin, csv('=HYPERLINK("https://evil.example"),@SUM(1),-2,cole@acme.example,Leadership 90,,2026-12-01,,,,,,'));
		const file = rejectedRowsCsv(await admin.imports.rejectedRows.query({ tenant, importId: id }));
		const line = file.split('\r\n')[1]!;
		expect(line.startsWith(`"'=HYPERLINK(""https://evil.example"")",'@SUM(1),'-2,cole@acme.example`)).toBe(true);
	});
});

// ---- The queue's worst habits ----------------------------------------------------------------

/** Holds every message sent instead of delivering it, so a test delivers them as it likes. */
function holdMessages() {
	const held: JobMessage[] = [];
	const real = app.platform.queue;
	const holding: JobQueue = { send: async (message) => void held.push(JSON.parse(JSON.stringify(message)) as JobMessage) };
	app.platform.queue = holding;
	return { held, release: () => (app.platform.queue = real) };
}

async function counters(importId: string) {
	const job = await (await tenantDb()).query.engagementImports.findFirst({ where: eq(engagementImports.id, importId) });
	return { status: job!.status, chunksDone: job!.chunksDone, rowsRead: job!.rowsRead, rowsCreated: job!.rowsCreated, rowsRejected: job!.rowsRejected };
}

const startsOnFor = (i: number) => `${2027 + Math.floor(i / 336)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}`;
/** `count` good rows for Jo and Kim (existing coachees), each a different start date. */
const manyRows = (count: number, who = ['jo@client.example', 'kim@client.example'], offset = 0) =>
	Array.from({ length: count }, (_, i) => `${who[i % who.length]},,,cole@acme.example,Leadership 90,,${startsOnFor(Math.floor((i + offset) / who.length))},,Draft,0,,,`);

describe('at-least-once delivery', () => {
	it('creates each row once when a chunk is delivered twice, and twice at once', async () => {
		const hold = holdMessages();
		let importId: string;
		try {
			({ id: importId } = await upload(admin, csv(...manyRows(rowsPerChunk + 50, ['jo@client.example'], 0))));
			const first = hold.held.shift()!;
			// A chunk arriving before the one ahead of it was applied does nothing.
			await handleJob(app.platform, { ...first, chunk: 1, idempotencyKey: 'early' } as JobMessage);
			expect(await counters(importId)).toMatchObject({ status: 'queued', chunksDone: 0, rowsRead: 0 });
			await Promise.all([handleJob(app.platform, first), handleJob(app.platform, first)]);
			await handleJob(app.platform, first);
			expect(await counters(importId)).toMatchObject({ chunksDone: 1, rowsRead: rowsPerChunk, rowsCreated: rowsPerChunk });
			// The twins and the late copy each made sure chunk 1 was sent; delivering them all changes nothing more.
			expect(hold.held.length).toBeGreaterThanOrEqual(1);
			expect(hold.held.every((m) => m.type === 'import.chunk' && m.chunk === 1)).toBe(true);
			const copies = hold.held.splice(0);
			await Promise.all(copies.map((m) => handleJob(app.platform, m)));
			await Promise.all(copies.map((m) => handleJob(app.platform, m)));
		} finally {
			hold.release();
		}
		expect(await counters(importId)).toEqual({ status: 'finished', chunksDone: 2, rowsRead: rowsPerChunk + 50, rowsCreated: rowsPerChunk + 50, rowsRejected: 0 });
		const db = await tenantDb();
		const joRow = await db.query.people.findFirst({ where: eq(people.email, 'jo@client.example') });
		const made = await db.select().from(engagements).where(and(eq(engagements.coacheeId, joRow!.id), eq(engagements.status, 'draft')));
		expect(new Set(made.map((e) => e.startsOn)).size).toBe(made.length);
		expect(made.length).toBeGreaterThanOrEqual(rowsPerChunk + 50);
	});

	it('ends a file of no rows once when its chunk is delivered twice at once', async () => {
		const hold = holdMessages();
		let importId: string;
		try {
			({ id: importId } = await upload(admin, csv(), 'header-only.csv'));
			const [message] = hold.held.splice(0);
			await Promise.all([handleJob(app.platform, message!), handleJob(app.platform, message!)]);
			expect(hold.held.filter((m) => m.type === 'import.chunk')).toEqual([]);
		} finally {
			hold.release();
		}
		expect(await counters(importId)).toEqual({ status: 'finished', chunksDone: 1, rowsRead: 0, rowsCreated: 0, rowsRejected: 0 });
		const told = (await admin.notifications.list.query({ tenant })).items.filter((n) => n.href.endsWith(importId));
		expect(told.map((n) => n.title)).toEqual(['Bulk Create of “header-only.csv” finished']);
	});

	it('resumes after a crash between the commit of a chunk and the sending of the next', async () => {
		const real = app.platform.queue;
		let crashed = false;
		app.platform.queue = {
			send: async (message, options) => {
				if (!crashed && message.type === 'import.chunk' && message.chunk === 1) {
					crashed = true;
					throw new Error('The worker was stopped.');
				}
				await real.send(message, options);
			}
		};
		try {
			const rows = manyRows(rowsPerChunk * 2 + 10, ['kim@client.example'], 0);
			const { id } = await upload(admin, csv(...rows));
			await app.queue.drain();
			expect(crashed).toBe(true);
			expect(await counters(id)).toEqual({ status: 'finished', chunksDone: 3, rowsRead: rows.length, rowsCreated: rows.length, rowsRejected: 0 });
			const kimRow = await (await tenantDb()).query.people.findFirst({ where: eq(people.email, 'kim@client.example') });
			const made = await (await tenantDb()).select().from(engagements).where(eq(engagements.coacheeId, kimRow!.id));
			expect(made).toHaveLength(rows.length);
		} finally {
			app.platform.queue = real;
		}
	});

	it('sends a lost chunk again after five minutes (the healing due work)', async () => {
		const hold = holdMessages();
		let importId: string;
		try {
			({ id: importId } = await upload(admin, csv(goodRow(700), goodRow(701))));
			hold.held.splice(0); // lost
		} finally {
			hold.release();
		}
		app.clock.advance(5 * 60_000 + 1000);
		const { runCronTick } = await import('../jobs/runner');
		await runCronTick(app.platform);
		await app.queue.drain();
		expect(await counters(importId)).toMatchObject({ status: 'finished', rowsCreated: 2 });
	});

	it('stops at once, saying what to do, when the uploaded file is gone from storage', async () => {
		const hold = holdMessages();
		let message: JobMessage;
		let importId: string;
		try {
			({ id: importId } = await upload(admin, csv(goodRow(710))));
			message = hold.held.shift()!;
		} finally {
			hold.release();
		}
		const [job] = await (await tenantDb()).select().from(engagementImports).where(eq(engagementImports.id, importId));
		await app.platform.files.delete(job!.fileKey);
		await app.platform.queue.send(message);
		await app.queue.drain();
		expect(await counters(importId)).toMatchObject({ status: 'failed', rowsCreated: 0 });
		expect((await admin.imports.get.query({ tenant, importId })).error).toMatch(/no longer in file storage.*Upload it again/);
	});

	it('stops, rather than resending every 5 minutes forever, an import whose chunk fails for an hour', async () => {
		const files = app.platform.files;
		app.platform.files = { ...files, readFrom: async () => Promise.reject(new Error('storage unavailable')) };
		let importId: string;
		try {
			({ id: importId } = await upload(admin, csv(goodRow(720))));
			const { runCronTick } = await import('../jobs/runner');
			for (let minutes = 0; minutes < 70; minutes += 6) {
				await app.queue.drain();
				app.clock.advance(6 * 60_000);
				await runCronTick(app.platform);
			}
			await app.queue.drain();
		} finally {
			app.platform.files = files;
		}
		expect(await counters(importId)).toMatchObject({ status: 'failed', rowsCreated: 0 });
		expect((await admin.imports.get.query({ tenant, importId })).error).toMatch(/could not read the rest of the file for an hour/);
	});

	it('stops with a message when its admin is no longer an admin', async () => {
		const hold = holdMessages();
		let importId: string;
		let message: JobMessage;
		try {
			({ id: importId } = await upload(admin, csv(goodRow(800))));
			message = hold.held.shift()!;
		} finally {
			hold.release();
		}
		const db = await tenantDb();
		const ada = await db.query.people.findFirst({ where: eq(people.email, 'ada@acme.example') });
		await db.update(people).set({ roles: ['coach'] }).where(eq(people.id, ada!.id));
		try {
			await handleJob(app.platform, message);
		} finally {
			await db.update(people).set({ roles: ada!.roles }).where(eq(people.id, ada!.id));
		}
		const job = await db.query.engagementImports.findFirst({ where: eq(engagementImports.id, importId) });
		expect(job).toMatchObject({ status: 'failed', rowsCreated: 0, error: expect.stringMatching(/no longer an active admin/) });
	});
});

describe('a file of 10,000 rows', () => {
	it('reads it a chunk at a time: bounded bytes and rows per invocation, heap measured', { timeout: 180_000 }, async () => {
		const rows = manyRows(10_000, Array.from({ length: 40 }, (_, i) => `load${i}@client.example`), 0).map((row, i) => row.replace(',,,', `,Load,Person ${i % 40},`));
		const file = csv(...rows);
		const realFiles = app.platform.files;
		const reads: number[] = [];
		const counting: FileStore = {
			...realFiles,
			readFrom: async (key, offset) => {
				const stream = await realFiles.readFrom(key, offset);
				if (!stream) return null;
				const index = reads.push(0) - 1;
				return stream.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({ transform: (chunk, out) => ((reads[index]! += chunk.byteLength), out.enqueue(chunk)) }));
			}
		};
		app.platform.files = counting;
		const hold = holdMessages();
		const heap: number[] = [];
		const rowsPerInvocation: number[] = [];
		let importId: string;
		try {
			({ id: importId } = await upload(admin, file));
			for (let message = hold.held.shift(); message; message = hold.held.shift()) {
				const before = (await counters(importId)).rowsRead;
				await handleJob(app.platform, message);
				rowsPerInvocation.push((await counters(importId)).rowsRead - before);
				heap.push(process.memoryUsage().heapUsed);
			}
		} finally {
			hold.release();
			app.platform.files = realFiles;
		}
		expect(await counters(importId)).toMatchObject({ status: 'finished', rowsRead: 10_000, rowsCreated: 10_000 });
		// One invocation per chunk, and perhaps a last one that finds the end of the file.
		expect(rowsPerInvocation.filter(Boolean)).toHaveLength(Math.ceil(10_000 / rowsPerChunk));
		expect(Math.max(...rowsPerInvocation)).toBeLessThanOrEqual(rowsPerChunk);
		const chunkBytes = Math.ceil(file.length / rowsPerInvocation.length);
		// Each invocation reads its own rows plus at most one stream chunk ahead, never the file.
		expect(Math.max(...reads)).toBeLessThan(chunkBytes * 2 + 64 * 1024);
		expect(Math.max(...reads)).toBeLessThan(file.length / 4);
		const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
		console.info(
			`10,000 rows: ${rowsPerInvocation.length} chunks, file ${mb(file.length)} MB, bytes read per chunk max ${mb(Math.max(...reads))} MB, heap after chunk 1 ${mb(heap[0]!)} MB, max ${mb(Math.max(...heap))} MB, last ${mb(heap.at(-1)!)} MB`
		);
	});
});
