import { editNoteActions, loadEditNote } from '$lib/notes/notes-pages.server';
import type { PageServerLoad } from './$types';

/** Edit note as a page (the Notes tab opens it as a dialog). */
export const load: PageServerLoad = loadEditNote;
export const actions = editNoteActions;
