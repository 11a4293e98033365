import { loadSessions } from '$lib/sessions/sessions-pages.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = loadSessions;
