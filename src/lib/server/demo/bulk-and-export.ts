/**
 * The demo's Bulk Create and Export, made through the same services and jobs as the screens
 * (the setup drains the queue, so both have finished when the app opens):
 * - the admin's "northwind-spring-cohort.csv": three Drafts (Noah, Hannah and Tomás, with a
 *   reading as Link_1) and three rejected rows (a coach who is not in the workspace, an email
 *   of a coach rather than a coachee, a duplicate line), to see the result page and download
 *   the rejected rows;
 * - the admin's export of the Active engagements, one row per engagement, ready to download.
 * Drafts only, so no coach or coachee is told of them.
 */
import { eq } from 'drizzle-orm';
import { openTenantDb } from '../db';
import { people } from '../db/tenant/schema';
import { csvFile } from '../csv/write';
import { startExport } from '../exports/service';
import { base64Of, startImport } from '../imports/service';
import type { Platform } from '../platform/ports';
import type { TenantScope } from '../tenancy/scope';
import type { TenantRow } from '../tenancy/service';
import { templateHeader } from '../../imports/schema';
import { wallClockIn } from '../../time-zones';

const day = 24 * 60 * 60_000;

export async function seedBulkCreateAndExport(platform: Platform, tenant: TenantRow) {
	const db = await openTenantDb(platform, tenant);
	const admin = (await db.query.people.findFirst({ where: eq(people.email, 'admin@northwind.demo') }))!;
	const scope: TenantScope = { platform, db, tenant, personId: admin.id, roles: admin.roles, me: async () => admin };
	const startsOn = wallClockIn('UTC', new Date(platform.clock.now().getTime() + 14 * day)).date;
	const reading = ['https://hbr.org/2009/11/the-first-90-days', 'Reading: The First 90 Days', '0'];
	const row = (email: string, coach: string, template: string, link = ['', '', '']) => [email, '', '', coach, template, '', startsOn, '', 'Draft', '0', ...link];
	const file = csvFile(templateHeader, [
		row('noah@client.demo', 'marcus@northwind.demo', 'New Manager 90 days', reading),
		row('hannah@client.demo', 'priya@northwind.demo', 'Leadership Foundations'),
		row('tomas@client.demo', 'marcus@northwind.demo', 'New Manager 90 days', reading),
		row('lena@client.demo', 'ines@northwind.demo', 'Leadership Foundations'),
		row('dana@northwind.demo', 'priya@northwind.demo', 'Leadership Foundations'),
		row('hannah@client.demo', 'priya@northwind.demo', 'Leadership Foundations')
	]);
	await startImport(scope, { fileName: 'northwind-spring-cohort.csv', file: base64Of(new TextEncoder().encode(file)) });
	await startExport(scope, { shape: 'engagement', status: 'active' });
}
