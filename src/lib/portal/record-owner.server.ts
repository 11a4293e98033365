/**
 * Whose records a page shows, the same for every per-coachee screen that also lives in the
 * coachee's portal (Goals, Actions, Files, Sessions): the profile's coachee (`coacheeId` in
 * the route) for admins and coaches, the signed-in coachee in their own portal. Every
 * procedure then checks the person may see that coachee.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { workspaceOf } from '$lib/server/trpc/server-caller';

/** `records` names them for the refusal, e.g. "Goals and actions". */
export function recordOwner(event: RequestEvent, records: string) {
	const tenant = event.params.tenant ?? '';
	/** The profile's coachee id for staff; null in the coachee's own portal. */
	const profileId = event.params.coacheeId ?? null;
	return { tenant, profileId, coacheeId: profileId ?? ownPersonId(event, records) };
}

/** The coachee's own portal: only a coachee has records of their own. */
function ownPersonId(event: RequestEvent, records: string): string {
	const workspace = workspaceOf(event);
	if (!workspace?.roles.includes('coachee') || !workspace.personId) {
		error(404, `${records} are kept on each coachee’s profile, under Coachees.`);
	}
	return workspace.personId;
}
