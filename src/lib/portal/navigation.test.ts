import { describe, expect, it } from 'vitest';
import { isMissingIn, portalNav, settingsTabs } from './navigation';

const labels = (items: { label: string }[]) => items.map((item) => item.label);

describe("an independent coach's navigation", () => {
	it('has no Coaches, Groups or Members, which a firm admin keeps', () => {
		expect(labels(portalNav('sam', ['admin', 'coach'], 'solo'))).toEqual(['Home', 'Coachees', 'Assessments', 'Engagements', 'Programs', 'Notifications', 'Settings']);
		expect(labels(portalNav('acme', ['admin'], 'firm'))).toEqual(expect.arrayContaining(['Coaches', 'Groups', 'Members']));
		expect(labels(settingsTabs('sam', 'solo', '/t/sam/settings/workspace'))).toEqual(['Workspace']);
		expect(settingsTabs('acme', 'firm', '/t/acme/settings/members/invite')).toEqual([
			{ label: 'Workspace', href: '/t/acme/settings/workspace', active: false },
			{ label: 'Members', href: '/t/acme/settings/members', active: true },
			{ label: 'Authorized Users', href: '/t/acme/settings/authorized-users', active: false }
		]);
	});

	it('treats those screens, and only those, as missing in a solo workspace', () => {
		for (const route of ['/t/[tenant]/coaches', '/t/[tenant]/groups/new', '/t/[tenant]/groups/[groupId]/edit', '/t/[tenant]/settings/members/invite', '/t/[tenant]/settings/authorized-users']) {
			expect(isMissingIn('solo', route), route).toBe(true);
			expect(isMissingIn('firm', route), route).toBe(false);
		}
		for (const route of ['/t/[tenant]/coachees', '/t/[tenant]/coachees/new', '/t/[tenant]/settings/workspace', '/t/[tenant]']) {
			expect(isMissingIn('solo', route), route).toBe(false);
		}
	});
});

describe("a coachee's navigation", () => {
	it('leads to their own Goals, Actions, Files, Sessions and Assessments, which staff reach through each coachee instead', () => {
		const nav = portalNav('acme', ['coachee'], 'firm');
		expect(labels(nav)).toEqual(['Home', 'Goals', 'Actions', 'Files', 'Sessions', 'Assessments', 'Engagements', 'Notifications', 'Settings']);
		// Their assessments to answer, at the address where staff find the template library.
		expect(nav.find((item) => item.label === 'Assessments')?.href).toBe('/t/acme/assessments');
		expect(labels(portalNav('acme', ['spectator'], 'firm'))).not.toContain('Assessments');
		expect(nav.find((item) => item.label === 'Goals')?.href).toBe('/t/acme/goals');
		expect(nav.find((item) => item.label === 'Actions')?.href).toBe('/t/acme/actions');
		expect(nav.find((item) => item.label === 'Files')?.href).toBe('/t/acme/files');
		expect(nav.find((item) => item.label === 'Sessions')?.href).toBe('/t/acme/sessions');
		expect(labels(portalNav('acme', ['coach'], 'firm'))).not.toContain('Goals');
	});
});

describe('the program templates library', () => {
	it('is in the navigation of admins and coaches, after Engagements, and of no one else', () => {
		for (const roles of [['admin'], ['coach']] as const) {
			const nav = labels(portalNav('acme', [...roles], 'firm'));
			expect(nav.indexOf('Programs'), roles.join()).toBe(nav.indexOf('Engagements') + 1);
		}
		expect(portalNav('acme', ['coach'], 'firm').find((item) => item.label === 'Programs')?.href).toBe('/t/acme/programs');
		expect(labels(portalNav('acme', ['coachee'], 'firm'))).not.toContain('Programs');
		expect(labels(portalNav('acme', ['spectator'], 'firm'))).not.toContain('Programs');
	});
});
