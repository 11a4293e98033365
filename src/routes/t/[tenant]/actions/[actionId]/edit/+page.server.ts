import { editActionActions, loadEditAction } from '$lib/goals/actions-pages.server';
import type { PageServerLoad } from './$types';

/** "Edit" as a page (the action's page opens it as a dialog). */
export const load: PageServerLoad = loadEditAction;
export const actions = editActionActions;
