import { loadNewFiles, newFilesActions } from '$lib/files/files-pages.server';
import type { PageServerLoad } from './$types';

/** "+ Files" as a page (the list opens it as a dialog); shared with the other portal: files-pages.server.ts. */
export const load: PageServerLoad = loadNewFiles;
export const actions = newFilesActions;
