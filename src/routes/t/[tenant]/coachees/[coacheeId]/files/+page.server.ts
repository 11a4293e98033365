import { loadFileList } from '$lib/files/files-pages.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = loadFileList;
