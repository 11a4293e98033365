import { editGoalActions, loadGoal } from '$lib/goals/goals-pages.server';
import type { PageServerLoad } from './$types';

/** Edit a goal as a page (the goals open it as a dialog), of the coachee whose profile this is (shared with the other portal: goals-pages.server.ts). */
export const load: PageServerLoad = loadGoal;
export const actions = editGoalActions;
