import { loadSchedule, scheduleActions } from '$lib/engagements/engagement-page.server';
import type { PageServerLoad } from './$types';

/** Staff schedule the item; the coachee picks the time of a session left to them. */
export const load: PageServerLoad = loadSchedule;
export const actions = scheduleActions;
