import { engagementPageActions, loadEngagementPage } from '$lib/engagements/engagement-page.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = loadEngagementPage;
export const actions = engagementPageActions;
