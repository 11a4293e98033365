import { newSessionActions } from '$lib/sessions/sessions-pages.server';

/** "New" session as a page (Session Logs opens it as a dialog); the form needs no reads. */
export const actions = newSessionActions;
