import { boardActions, loadBoard } from '$lib/goals/goals-pages.server';
import type { PageServerLoad } from './$types';

/** The Goals tab, of the coachee whose profile this is (shared with the other portal: goals-pages.server.ts). */
export const load: PageServerLoad = loadBoard;
export const actions = boardActions;
