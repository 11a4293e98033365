import { loadNotes, noteListActions } from '$lib/notes/notes-pages.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = loadNotes;
export const actions = noteListActions;
