import { loadNotepad, notepadActions } from '$lib/notepad/notepad-page.server';
import type { PageServerLoad } from './$types';

/** The Coaching Notepad: a full-width workspace, outside the profile's header and tabs. */
export const load: PageServerLoad = loadNotepad;
export const actions = notepadActions;
