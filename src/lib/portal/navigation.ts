/** What each role sees in the portal's left navigation. */
import type { NavItem } from '$lib/components';
import type { Role } from '$lib/permissions';


export function portalNav(slug: string, roles: Role[]): NavItem[] {
	const base = `/t/${slug}`;
	const is = (role: Role) => roles.includes(role);
	const items: NavItem[] = [{ label: 'Home', href: base, icon: 'home' }];
	if (is('admin') || is('coach')) items.push({ label: 'Coachees', href: `${base}/coachees`, icon: 'users' });
	if (is('admin') || is('coach') || is('coachee') || is('spectator')) {
		items.push({ label: 'Engagements', href: `${base}/engagements`, icon: 'layers' });
	}
	items.push({ label: 'Notifications', href: `${base}/notifications`, icon: 'bell' });
	if (is('admin')) {
		items.push(
			{ label: 'Coaches', href: `${base}/coaches`, icon: 'briefcase' },
			{ label: 'Groups', href: `${base}/groups`, icon: 'folder' },
			{ label: 'Members', href: `${base}/settings/members`, icon: 'user-plus' }
		);
	}
	items.push({ label: 'Settings', href: `${base}/settings`, icon: 'settings' });
	return items;
}
