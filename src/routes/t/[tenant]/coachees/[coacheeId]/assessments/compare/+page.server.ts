import { loadCompare } from '$lib/assessments/profile-pages.server';
import type { PageServerLoad } from './$types';

/** Two submissions of the same assessment side by side. */
export const load: PageServerLoad = loadCompare;
