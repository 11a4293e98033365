import { loadNewAction, newActionActions } from '$lib/goals/actions-pages.server';
import type { PageServerLoad } from './$types';

/** "New" action as a page (the list opens it as a dialog). */
export const load: PageServerLoad = loadNewAction;
export const actions = newActionActions;
