/** The coachee profile's tabs, in the help article's order. */
import type { IconName, TabItem } from '$lib/components';

export interface ProfileTab {
	/** Path segment under the profile ('' for Activity Summary). */
	slug: string;
	label: string;
	icon: IconName;
	/** For tabs whose feature has not landed: what the tab will hold, given the coachee's first name. */
	upcoming?: (firstName: string) => string;
}

export const profileTabs: ProfileTab[] = [
	{ slug: '', label: 'Activity Summary', icon: 'clock' },
	{
		slug: 'goals',
		label: 'Goals & Milestones',
		icon: 'target'
	},
	{
		slug: 'actions',
		label: 'Actions',
		icon: 'check-square'
	},
	{
		slug: 'files',
		label: 'Files',
		icon: 'folder'
	},
	{
		slug: 'notes',
		label: 'Notes',
		icon: 'book'
	},
	{
		slug: 'sessions',
		label: 'Session Logs',
		icon: 'calendar'
	},
	{
		slug: 'assessments',
		label: 'Assessments',
		icon: 'clipboard'
	}
];

export const profileHref = (tenant: string, coacheeId: string, tab = '') =>
	`/t/${tenant}/coachees/${coacheeId}${tab ? `/${tab}` : ''}`;

export const upcomingTab = (slug: string) => profileTabs.find((tab) => tab.slug === slug && tab.upcoming);

/** The routed tab strip, with the tab at `pathname` marked current. */
export function profileTabItems(tenant: string, coacheeId: string, pathname: string): TabItem[] {
	return profileTabs.map((tab) => {
		const href = profileHref(tenant, coacheeId, tab.slug);
		return { label: tab.label, href, active: pathname.replace(/\/$/, '') === href };
	});
}
