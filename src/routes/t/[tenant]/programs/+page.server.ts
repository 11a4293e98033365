import { libraryActions, loadLibrary } from '$lib/programs/pages.server';
import type { PageServerLoad } from './$types';

/** The program templates library: the firm's and, for a coach, their own. */
export const load: PageServerLoad = loadLibrary;
export const actions = libraryActions;
