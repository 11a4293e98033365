import { assignActions, loadAssign } from '$lib/assessments/profile-pages.server';
import type { PageServerLoad } from './$types';

/** "Assign": a template from the library, or coaching questions written here. */
export const load: PageServerLoad = loadAssign;
export const actions = assignActions;
