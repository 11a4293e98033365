import { addItemActions, loadAddItem } from '$lib/engagements/engagement-page.server';
import type { PageServerLoad } from './$types';

/** "+ Add item" as a page (the engagement page opens it as a dialog). */
export const load: PageServerLoad = loadAddItem;
export const actions = addItemActions;
