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

/** Send Invitation while never invited, Resend Invitation while invited; nothing otherwise. */
export function invitationLabel(status: CoacheeStatus): 'Send Invitation' | 'Resend Invitation' | null {
	if (status === 'not_invited') return 'Send Invitation';
	if (status === 'invited') return 'Resend Invitation';
	return null;
}

/** Name and email can be changed only until the coachee activates their account. */
export const isEditable = (status: CoacheeStatus) => status === 'not_invited' || status === 'invited';
