import { editProgramActions, loadProgram } from '$lib/programs/pages.server';
import type { PageServerLoad } from './$types';

/** One template's builder (read-only, with Duplicate, for a coach looking at the firm's). */
export const load: PageServerLoad = loadProgram;
export const actions = editProgramActions;
