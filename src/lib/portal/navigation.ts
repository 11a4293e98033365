/** What each role sees in the portal's left navigation, and the Settings area's sub-navigation. */
import type { NavItem, TabItem } from '$lib/components';
import type { Role } from '$lib/permissions';
import type { TenantKind } from '$lib/tenancy/schema';

/** Screens only organisations have (see `organisationOnly` in permissions.ts): an independent
 * coach's workspace neither lists them nor opens them. */
const organisationScreens = ['coaches', 'groups', 'settings/members', 'settings/authorized-users'];

/** True for a route (SvelteKit's `route.id`) that a workspace of this kind does not have. */
export function isMissingIn(kind: TenantKind, routeId: string | null): boolean {
	if (kind !== 'solo' || !routeId) return false;
	return organisationScreens.some((screen) => {
		const prefix = `/t/[tenant]/${screen}`;
		return routeId === prefix || routeId.startsWith(`${prefix}/`);
	});
}

export function portalNav(slug: string, roles: Role[], kind: TenantKind): NavItem[] {
	const base = `/t/${slug}`;
	const is = (role: Role) => roles.includes(role);
	const items: NavItem[] = [{ label: 'Home', href: base, icon: 'home' }];
	if (is('admin') || is('coach')) items.push({ label: 'Coachees', href: `${base}/coachees`, icon: 'users' });
	if (is('coachee')) {
		items.push(
			{ label: 'Goals', href: `${base}/goals`, icon: 'target' },
			{ label: 'Actions', href: `${base}/actions`, icon: 'check-square' },
			{ label: 'Files', href: `${base}/files`, icon: 'folder' },
			{ label: 'Sessions', href: `${base}/sessions`, icon: 'calendar' }
		);
	}
	// The template library for staff; a coachee's own assessments to answer (the same address).
	if (is('admin') || is('coach') || is('coachee')) items.push({ label: 'Assessments', href: `${base}/assessments`, icon: 'clipboard' });
	if (is('admin') || is('coach') || is('coachee') || is('spectator')) {
		items.push({ label: 'Engagements', href: `${base}/engagements`, icon: 'layers' });
	}
	if (is('admin') || is('coach')) items.push({ label: 'Programs', href: `${base}/programs`, icon: 'book' });
	items.push({ label: 'Notifications', href: `${base}/notifications`, icon: 'bell' });
	if (is('admin') && kind !== 'solo') {
		items.push(
			{ label: 'Coaches', href: `${base}/coaches`, icon: 'briefcase' },
			{ label: 'Groups', href: `${base}/groups`, icon: 'folder' },
			{ label: 'Members', href: `${base}/settings/members`, icon: 'user-plus' }
		);
	}
	items.push({ label: 'Settings', href: `${base}/settings`, icon: 'settings' });
	return items;
}

/** Settings' sub-navigation for admins (everyone else's settings are their account's). */
export function settingsTabs(slug: string, kind: TenantKind, currentPath: string): TabItem[] {
	const base = `/t/${slug}/settings`;
	const tabs = [{ label: 'Workspace', href: `${base}/workspace` }];
	if (kind !== 'solo') tabs.push({ label: 'Members', href: `${base}/members` });
	// Authorized users (spectators) follow engagements; a solo workspace has none.
	if (kind !== 'solo') tabs.push({ label: 'Authorized Users', href: `${base}/authorized-users` });
	return tabs.map((tab) => ({ ...tab, active: currentPath === tab.href || currentPath.startsWith(`${tab.href}/`) }));
}
