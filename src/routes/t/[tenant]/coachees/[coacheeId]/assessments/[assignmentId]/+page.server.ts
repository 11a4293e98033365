import { loadAssignment } from '$lib/assessments/profile-pages.server';
import type { PageServerLoad } from './$types';

/** One assignment's answers, for admins and coaches. */
export const load: PageServerLoad = loadAssignment;
