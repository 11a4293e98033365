/**
 * Whose goals and actions a page shows, the same for the Goals and the Actions screens: the
 * profile's coachee (`coacheeId` in the route) for admins and coaches, the signed-in coachee
 * in their own portal. Every procedure then checks the person may see that coachee.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { workspaceOf } from '$lib/server/trpc/server-caller';

export function workOwner(event: RequestEvent) {
	const tenant = event.params.tenant ?? '';
	/** The profile's coachee id for staff; null in the coachee's own portal (`workPaths`). */
	const profileId = event.params.coacheeId ?? null;
	return { tenant, profileId, coacheeId: profileId ?? ownPersonId(event) };
}

/** The coachee's own portal: only a coachee has goals and actions of their own. */
function ownPersonId(event: RequestEvent): string {
	const workspace = workspaceOf(event);
	if (!workspace?.roles.includes('coachee') || !workspace.personId) {
		error(404, 'Goals and actions are kept on each coachee’s profile, under Coachees.');
	}
	return workspace.personId;
}
