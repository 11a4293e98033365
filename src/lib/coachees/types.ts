import type { RouterOutputs } from '$lib/client/trpc';

export type CoacheeRow = RouterOutputs['coachees']['list']['rows'][number];
export type CoacheeProfile = RouterOutputs['coachees']['get'];
export type CoachSummary = RouterOutputs['coachees']['coaches'][number];
export type CoacheeStatus = CoacheeRow['status'];

/** What the New and Edit forms hold. */
export interface CoacheeDraft {
	firstName: string;
	lastName: string;
	email: string;
}

/** A coachee as the Edit dialog needs it. */
export interface EditableCoachee extends CoacheeDraft {
	id: string;
	status: CoacheeStatus;
}
