import { newActionActions, loadMilestone } from '$lib/goals/goals-pages.server';
import type { PageServerLoad } from './$types';

/** "Add New Action" under a milestone as a page (the goal opens it as a dialog), of the signed-in coachee (shared with the other portal: goals-pages.server.ts). */
export const load: PageServerLoad = loadMilestone;
export const actions = newActionActions;
