/**
 * The demo's program templates: two in Northwind's firm library, built by the admin
 * ("Leadership Foundations" and "New Manager 90 days", with sessions, the library's
 * assessments, Priya's shared offsite brief and links), and one of Priya's own. Made through
 * the same service as the screens, so they pass the same checks.
 */
import { and, eq } from 'drizzle-orm';
import { openTenantDb } from '../db';
import { assessmentTemplates, files, people } from '../db/tenant/schema';
import type { Platform } from '../platform/ports';
import { create } from '../programs/service';
import type { Person, TenantScope } from '../tenancy/scope';
import type { TenantRow } from '../tenancy/service';
import { programFields, type ItemDraftInput, type ProgramFields } from '../../programs/schema';

const session = (id: string, title: string, durationMinutes: number, extra: Partial<ItemDraftInput> = {}): ItemDraftInput => ({
	id,
	kind: 'session',
	title,
	durationMinutes,
	format: 'online',
	...extra
});
const link = (id: string, title: string, url: string): ItemDraftInput => ({ id, kind: 'link', title, url });

export async function seedPrograms(platform: Platform, tenant: TenantRow) {
	const db = await openTenantDb(platform, tenant);
	const byEmail = async (email: string) => (await db.query.people.findFirst({ where: eq(people.email, email) }))!;
	const [admin, priya] = await Promise.all(['admin@northwind.demo', 'priya@northwind.demo'].map(byEmail));
	const templateId = async (title: string) => (await db.query.assessmentTemplates.findFirst({ where: eq(assessmentTemplates.title, title) }))!.id;
	const brief = await db.query.files.findFirst({ where: and(eq(files.name, 'Leadership offsite brief.pdf'), eq(files.uploaderId, priya!.id)) });
	const as = (actor: Person): TenantScope => ({ platform, db, tenant, personId: actor.id, roles: actor.roles, me: async () => actor });
	const build = (actor: Person, fields: ProgramFields) => create(as(actor), programFields.parse(fields));

	await build(admin!, {
		name: 'Leadership Foundations',
		description: 'Twelve weeks on leading a team: a kickoff, the Leadership 360 self-check, reading, a check-in the coachee books, and a closing review.',
		items: [
			session('kickoff', 'Kickoff: goals and ways of working', 60, { message: 'Bring the two or three things you most want to change in how you lead.' }),
			{ id: 'leadership-360', kind: 'assessment', title: '', assessmentTemplateId: await templateId('Leadership 360 self-check') },
			link('reading', 'Reading: the first 90 days of leading a team', 'https://hbr.org/topic/subject/leadership'),
			session('check-in', 'Mid-point check-in', 30, { coacheeSchedules: true, message: 'Pick a time that suits you in the window below.' }),
			session('closing', 'Closing review', 60, { format: 'in_person', message: 'We look back at the self-check and agree what comes next.' })
		]
	});
	await build(admin!, {
		name: 'New Manager 90 days',
		description: 'For people newly managing a team: fortnightly sessions, values reflection and the essentials to read.',
		items: [
			session('intro', 'Welcome: your first 90 days', 60),
			{ id: 'values', kind: 'assessment', title: '', assessmentTemplateId: await templateId('Values reflection') },
			...(brief ? [{ id: 'brief', kind: 'file' as const, title: 'Offsite brief (example of a team plan)', fileId: brief.id }] : []),
			link('one-on-ones', 'Guide: running good one-to-ones', 'https://www.manager-tools.com/2005/07/the-single-most-effective-management-tool-part-1'),
			session('day-30', 'Day 30: first lessons', 60),
			link('feedback', 'Guide: giving feedback that lands', 'https://www.radicalcandor.com/our-approach/'),
			session('day-90', 'Day 90: review and next steps', 60, { format: 'in_person' })
		]
	});
	await build(priya!, {
		name: 'Delegation sprint',
		description: 'Four weeks to hand over one piece of recurring work for good.',
		items: [
			session('choose', 'Choose what to hand over', 45),
			{ id: 'check-in', kind: 'assessment', title: '', assessmentTemplateId: await templateId('Session check-in') },
			session('review', 'How the handover went', 30, { coacheeSchedules: true })
		]
	});
}
