import { newTemplateActions } from '$lib/assessments/library-pages.server';

/** "New" template: nothing to read (the builder starts with one question). */
export const actions = newTemplateActions;
