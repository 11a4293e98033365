import { error } from '@sveltejs/kit';
import { upcomingTab } from '$lib/coachees/tabs';
import type { PageLoad } from './$types';

/** Profile tabs whose feature has not landed yet: a plain notice of what they will hold. */
export const load: PageLoad = ({ params }) => {
	const tab = upcomingTab(params.tab);
	if (!tab) error(404, 'There is no such tab on a coachee’s profile.');
	return { tab: tab.slug };
};
