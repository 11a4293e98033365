import { actionListActions, loadActionList } from '$lib/goals/actions-pages.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = loadActionList;
export const actions = actionListActions;
