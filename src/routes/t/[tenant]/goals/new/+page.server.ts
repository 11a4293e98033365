import { newGoalActions, loadNewGoal } from '$lib/goals/goals-pages.server';
import type { PageServerLoad } from './$types';

/** "New Goal" as a page (the goals open it as a dialog), of the signed-in coachee (shared with the other portal: goals-pages.server.ts). */
export const load: PageServerLoad = loadNewGoal;
export const actions = newGoalActions;
