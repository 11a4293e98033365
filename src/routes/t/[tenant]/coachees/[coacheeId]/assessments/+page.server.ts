import { loadTab } from '$lib/assessments/profile-pages.server';
import type { PageServerLoad } from './$types';

/** The profile's Assessments tab (profile-pages.server.ts). */
export const load: PageServerLoad = loadTab;
