import { goalActions, loadGoal } from '$lib/goals/goals-pages.server';
import type { PageServerLoad } from './$types';

/** "View Milestones", of the signed-in coachee (shared with the other portal: goals-pages.server.ts). */
export const load: PageServerLoad = loadGoal;
export const actions = goalActions;
