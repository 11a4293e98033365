/** "Download the template CSV" answers from the membership the request already resolved:
 * an admin of the workspace gets the file, anyone else the same 404 as a missing page. */
import { isHttpError } from '@sveltejs/kit';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { GET } from '../../../routes/t/[tenant]/engagements/bulk/template.csv/+server';
import type { Role } from '../db/control/schema';
import { templateHeader } from '../../imports/schema';

type Event = Parameters<typeof GET>[0];
const requestAs = (roles: Role[] | null, slug = 'acme') =>
	({ params: { tenant: 'acme' }, locals: { workspaces: roles ? [{ tenant: { slug }, roles }] : [] } }) as unknown as Event;

async function statusOf(event: Event): Promise<number> {
	try {
		return (await GET(event)).status;
	} catch (error) {
		if (isHttpError(error)) return error.status;
		throw error;
	}
}

describe('the Bulk Create template route', () => {
	it('gives an admin the template, every column named', async () => {
		const response = await GET(requestAs(['admin']));
		expect(response.headers.get('content-disposition')).toContain('bulk-create-template.csv');
		expect(parse(await response.text(), { bom: true })[0]).toEqual(templateHeader);
	});

	it.each([[['coach']], [['coachee']], [['spectator']], [null]] as [Role[] | null][])('refuses %j with a 404', async (roles) => {
		expect(await statusOf(requestAs(roles))).toBe(404);
	});

	it('refuses an admin of another workspace', async () => {
		expect(await statusOf(requestAs(['admin'], 'other'))).toBe(404);
	});
});
