import { newMilestoneActions, loadGoal } from '$lib/goals/goals-pages.server';
import type { PageServerLoad } from './$types';

/** "New Milestone" as a page (the goal opens it as a dialog), of the coachee whose profile this is (shared with the other portal: goals-pages.server.ts). */
export const load: PageServerLoad = loadGoal;
export const actions = newMilestoneActions;
