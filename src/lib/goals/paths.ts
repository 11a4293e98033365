/**
 * Where a coachee's goals and actions live: under their profile for admins and coaches
 * (`/coachees/<id>/goals`), in their own portal for the coachee (`/goals`). Paths are
 * inside the workspace; pages and emails put `/t/<slug>` in front.
 */
export interface WorkPaths {
	goals: string;
	goal(goalId: string): string;
	actions: string;
	action(actionId: string): string;
}

/** `coacheeId` for the staff's view of that coachee; null for the coachee's own portal. */
export function workPaths(coacheeId: string | null): WorkPaths {
	const base = coacheeId ? `/coachees/${coacheeId}` : '';
	return {
		goals: `${base}/goals`,
		goal: (goalId) => `${base}/goals/${goalId}`,
		actions: `${base}/actions`,
		action: (actionId) => `${base}/actions/${actionId}`
	};
}
