/**
 * The demo's files on Jordan's profile: a brief Priya shared with him, her private session
 * observations (which no one else sees), and survey results Jordan shared with her. Uploaded
 * through the same three steps as the browser (start, put the bytes, finish), so the content
 * checks, alerts and Activity Summary are real.
 */
import { eq } from 'drizzle-orm';
import { openTenantDb } from '../db';
import { people } from '../db/tenant/schema';
import { finishUpload, putUploadBytes, startUpload } from '../files/uploads';
import type { WorkContext } from '../goals/records';
import type { Platform } from '../platform/ports';
import type { Person } from '../tenancy/scope';
import type { TenantRow } from '../tenancy/service';
import type { FileVisibility } from '../../files/schema';

/** A one-page PDF with a title and lines of text, its cross-reference table computed. */
export function onePagePdf(title: string, lines: string[]): Uint8Array {
	const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
	const text = [`BT /F1 20 Tf 72 760 Td (${escape(title)}) Tj ET`, ...lines.map((line, i) => `BT /F1 12 Tf 72 ${720 - i * 20} Td (${escape(line)}) Tj ET`)].join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
	];
	let pdf = '%PDF-1.4\n';
	const offsets = objects.map((body, i) => {
		const offset = pdf.length;
		pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
		return offset;
	});
	const xref = pdf.length;
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return new TextEncoder().encode(pdf);
}

async function upload(work: WorkContext, name: string, bytes: Uint8Array, visibility: FileVisibility) {
	const started = await startUpload(work, { name, size: bytes.length, declaredType: '', visibility });
	await putUploadBytes(work.scope.platform, started, bytes);
	await finishUpload(work, started.uploadId);
}

export async function seedFiles(platform: Platform, tenant: TenantRow) {
	const db = await openTenantDb(platform, tenant);
	const byEmail = async (email: string) => (await db.query.people.findFirst({ where: eq(people.email, email) }))!;
	const [priya, jordan] = await Promise.all(['priya@northwind.demo', 'jordan@client.demo'].map(byEmail));
	const as = (actor: Person): WorkContext => ({
		scope: { platform, db, tenant, personId: actor.id, roles: actor.roles, me: async () => actor },
		coachee: jordan!,
		bySelf: actor.id === jordan!.id
	});
	const brief = onePagePdf('Leadership offsite: brief', [
		'Purpose: agree the three priorities for next year with the leadership team.',
		'Before our next session: list what you will delegate, and to whom.',
		'Bring: the team survey results and two venue options.'
	]);
	await upload(as(priya!), 'Leadership offsite brief.pdf', brief, 'shared');
	await upload(as(priya!), 'Session observations.txt', new TextEncoder().encode('Jordan lights up when talking about coaching his team; holds back on delegating the monthly report.\n'), 'private');
	const survey = 'Topic,Votes\nStrategy for next year,9\nHiring plan,6\nTeam rituals,4\n';
	await upload(as(jordan!), 'Team survey results.csv', new TextEncoder().encode(survey), 'shared');
}
