import { fileActions, loadFile } from '$lib/files/files-pages.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = loadFile;
export const actions = fileActions;
