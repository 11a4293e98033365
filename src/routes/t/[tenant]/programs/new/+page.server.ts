import { loadNewProgram, newProgramActions } from '$lib/programs/pages.server';
import type { PageServerLoad } from './$types';

/** "New" program template: the builder with the assessments and files it can offer. */
export const load: PageServerLoad = loadNewProgram;
export const actions = newProgramActions;
