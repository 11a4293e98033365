import { engagementActions } from '$lib/engagements/engagement-actions.server';
import { engagementPageActions, loadEngagementPage } from '$lib/engagements/engagement-page.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = loadEngagementPage;

// The whole engagement's status and spectators change here too; deleting it is the list's
// (its `delete` here is an item's).
const { setStatus, setShared, setSpectators } = engagementActions;
export const actions = { ...engagementPageActions, setStatus, setShared, setSpectators };
