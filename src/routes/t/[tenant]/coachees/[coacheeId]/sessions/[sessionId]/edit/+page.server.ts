import { editSessionActions, loadEditSession } from '$lib/sessions/sessions-pages.server';
import type { PageServerLoad } from './$types';

/** Edit session as a page (Session Logs opens it as a dialog). */
export const load: PageServerLoad = loadEditSession;
export const actions = editSessionActions;
