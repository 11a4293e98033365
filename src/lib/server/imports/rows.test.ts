/** The row rules of Bulk Create without a database: header matching, and the duplicate rule
 * over random files (fast-check). Each reason's words are checked end to end in imports.test.ts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importColumns, mapColumns, missingColumns, templateHeader } from '../../imports/schema';
import { dedupeKeyOf, planChunk, readRow, type ChunkLookups, type KnownPerson } from './rows';

const person = (email: string, roles: KnownPerson['roles'], status: KnownPerson['status'] = 'active'): KnownPerson => ({
	id: `id-${email}`,
	email,
	firstName: email.split('@')[0]!,
	lastName: 'Test',
	roles,
	status,
	timeZone: 'UTC'
});

const lookups: ChunkLookups = {
	people: new Map([
		['cole@acme.example', person('cole@acme.example', ['coach'])],
		['jo@client.example', person('jo@client.example', ['coachee'])],
		['kim@client.example', person('kim@client.example', ['coachee'])]
	]),
	templates: new Map([['leadership 90', [{ id: 't1', name: 'Leadership 90', archived: false, items: [] }]]]),
	existing: new Set(),
	earlier: new Map()
};

const map = mapColumns(templateHeader);
const cellsOf = (fields: Partial<Record<'email' | 'coach' | 'template' | 'start', string>>) => {
	const cells = templateHeader.map(() => '');
	cells[map.fixed.coacheeEmail!] = fields.email ?? 'jo@client.example';
	cells[map.fixed.coachEmail!] = fields.coach ?? 'cole@acme.example';
	cells[map.fixed.programTemplate!] = fields.template ?? 'Leadership 90';
	cells[map.fixed.startDate!] = fields.start ?? '2026-12-01';
	return cells;
};

describe('the header', () => {
	it('matches every column whatever its case, spaces or underscores, and ignores the rest', () => {
		const spellings = fc.constantFrom(...Object.values(importColumns).map((c) => c.header));
		const respell = (header: string, upper: boolean[], underscores: boolean) =>
			[...(underscores ? header.replace(/ /g, '_') : header.replace(/_/g, ' '))].map((char, i) => (upper[i % upper.length] ? char.toUpperCase() : char.toLowerCase())).join('');
		fc.assert(
			fc.property(fc.uniqueArray(spellings, { minLength: 1 }), fc.array(fc.boolean(), { minLength: 1 }), fc.boolean(), fc.array(fc.string()), (headers, upper, underscores, noise) => {
				const written = [...headers.map((h) => ` ${respell(h, upper, underscores)} `), ...noise.map((n) => `x-${n}`)];
				const found = mapColumns(written).fixed;
				headers.forEach((h, index) => {
					const key = Object.entries(importColumns).find(([, c]) => c.header === h)![0] as keyof typeof found;
					expect(found[key]).toBe(index);
				});
			})
		);
	});

	it('reads any number of link columns, and names the required ones missing', () => {
		const links = mapColumns(['Coachee email', 'LINK_12', 'link 3 name', 'Link_12 Complete', 'Link_3']).links;
		expect(links).toEqual([
			{ n: 3, name: 2, url: 4 },
			{ n: 12, url: 1, complete: 3 }
		]);
		expect(missingColumns(mapColumns(['Coachee email', 'Start date']))).toEqual(['Coach email', 'Program template']);
		expect(readRow(map, cellsOf({ email: ' JO@Client.Example ' })).email).toBe('jo@client.example');
	});
});

describe('duplicates', () => {
	const row = fc.record({ email: fc.constantFrom('jo@client.example', 'kim@client.example', 'new@client.example'), start: fc.constantFrom('2026-12-01', '2026-12-02') });

	it('creates each coachee, template and start date once, and names the earlier line', () => {
		fc.assert(
			fc.property(fc.array(row, { maxLength: 30 }), fc.array(row, { maxLength: 3 }), (rows, before) => {
				const earlier = new Map(before.map((r, i) => [dedupeKeyOf({ email: r.email, template: 'Leadership 90', startsOn: r.start }), i + 2]));
				const outcomes = planChunk(
					map,
					rows.map((r, i) => ({ line: 100 + i, cells: [...cellsOf({ email: r.email, start: r.start }).slice(0, -3), 'https://example.com', '', '0'] })),
					{ ...lookups, earlier }
				);
				const firstLine = new Map(earlier);
				outcomes.forEach((outcome, i) => {
					const key = dedupeKeyOf({ email: rows[i]!.email, template: 'Leadership 90', startsOn: rows[i]!.start });
					const isNew = rows[i]!.email === 'new@client.example';
					if (isNew) {
						// A new coachee without a name is never created.
						expect(outcome.ok).toBe(false);
						return;
					}
					if (firstLine.has(key)) expect(outcome).toMatchObject({ ok: false, reason: `Duplicate of line ${firstLine.get(key)}: the same coachee, program template and start date.` });
					else {
						expect(outcome.ok).toBe(true);
						firstLine.set(key, outcome.line);
					}
				});
				expect(outcomes.map((o) => o.line)).toEqual(rows.map((_, i) => 100 + i));
			})
		);
	});

	it('adds a new coachee named on two rows once, for both engagements', () => {
		const withName = (start: string) => {
			const cells = cellsOf({ email: 'new@client.example', start });
			cells[map.fixed.coacheeFirstName!] = 'Nia';
			cells[map.fixed.coacheeLastName!] = 'New';
			return cells;
		};
		const outcomes = planChunk(map, [{ line: 2, cells: withName('2026-12-01') }, { line: 3, cells: withName('2026-12-02') }], lookups);
		expect(outcomes.map((o) => (o.ok ? o.plan.coachee : o.reason))).toEqual([{ new: { firstName: 'Nia', lastName: 'New' } }, { new: { firstName: 'Nia', lastName: 'New' } }]);
	});

	it('gives every problem of a row at once', () => {
		const cells = cellsOf({ coach: 'ghost@acme.example', start: 'tomorrow', template: '' });
		const [outcome] = planChunk(map, [{ line: 2, cells }], lookups);
		expect(outcome).toMatchObject({
			ok: false,
			reason: 'Unknown coach: no one in this workspace has the email ghost@acme.example. Program template is empty. Start date “tomorrow” is not written as YYYY-MM-DD, like 2026-12-01.'
		});
	});
});
