import { loadNewNote, newNoteActions } from '$lib/notes/notes-pages.server';
import type { PageServerLoad } from './$types';

/** "New" note as a page (the Notes tab opens it as a dialog). */
export const load: PageServerLoad = loadNewNote;
export const actions = newNoteActions;
