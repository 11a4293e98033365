import { libraryActions, loadAssessments } from '$lib/assessments/library-pages.server';
import type { PageServerLoad } from './$types';

/** The template library for admins and coaches; a coachee's own assessments at the same address. */
export const load: PageServerLoad = loadAssessments;
export const actions = libraryActions;
