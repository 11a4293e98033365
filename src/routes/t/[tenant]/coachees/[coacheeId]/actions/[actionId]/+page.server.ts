import { actionDetailActions, loadActionDetail } from '$lib/goals/actions-pages.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = loadActionDetail;
export const actions = actionDetailActions;
