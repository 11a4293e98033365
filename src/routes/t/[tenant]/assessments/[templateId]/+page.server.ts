import { editTemplateActions, loadTemplate } from '$lib/assessments/library-pages.server';
import type { PageServerLoad } from './$types';

/** One template's builder (read-only for a coach who did not create it). */
export const load: PageServerLoad = loadTemplate;
export const actions = editTemplateActions;
