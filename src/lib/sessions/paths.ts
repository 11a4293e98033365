import { profileHref } from '$lib/coachees/tabs';

/** Session Logs: the profile's tab for staff (`profileId`), `/sessions` in the coachee's own portal (null). */
export const sessionsPath = (tenant: string, profileId: string | null) =>
	profileId ? profileHref(tenant, profileId, 'sessions') : `/t/${tenant}/sessions`;
