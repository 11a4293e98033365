import { associateActions, loadItemForm } from '$lib/engagements/engagement-page.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = loadItemForm;
export const actions = associateActions;
