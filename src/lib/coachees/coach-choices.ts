/** Who may be chosen as a coachee's coach, shared by the list, New, Assign coach and
 * deactivating a coach. */
import type { SelectOption } from '$lib/components';
import type { RouterOutputs } from '$lib/client/trpc';
import { isAssignableCoach, type PersonStatus } from './schema';
import type { CoachSummary } from './types';

type Current = Pick<RouterOutputs['tenancy']['current'], 'tenant' | 'person'>;
type Coach = Pick<CoachSummary, 'id' | 'name' | 'status'>;

export interface CoachChoices {
	/** Coach column, filter and assignment: for admins of a team, not a solo coach's own workspace. */
	teamView: boolean;
	/** Coaches a coachee can be given: every one but the deactivated, named with their status. */
	options: SelectOption[];
	/** Why invited coaches are there, when some are. */
	hint: string | undefined;
	/** An admin's own new coachees default to them when they coach too. */
	defaultCoachId: string;
}

/** Said under every coach select that lists coaches who have not accepted yet. */
export const pendingCoachHint = 'Invited coaches can be chosen now: they see their coachees once they accept.';

const statusNote: Partial<Record<PersonStatus, string>> = {
	invited: 'invited',
	not_invited: 'not invited yet',
	deactivated: 'deactivated'
};

/** "Dana Lee (invited)": a coach's name with their status unless active. */
export function coachLabel(coach: Pick<Coach, 'name' | 'status'>): string {
	const note = statusNote[coach.status];
	return note ? `${coach.name} (${note})` : coach.name;
}

/** The coaches coachees can go to, `except` one (a coach who is leaving), and the hint for
 * their select. */
export function assignableCoaches(coaches: readonly Coach[], except?: string): { options: SelectOption[]; hint: string | undefined } {
	const open = coaches.filter((coach) => isAssignableCoach(coach.status) && coach.id !== except);
	return {
		options: open.map((coach) => ({ value: coach.id, label: coachLabel(coach) })),
		hint: open.some((coach) => coach.status !== 'active') ? pendingCoachHint : undefined
	};
}

export function coachChoices(current: Current, coaches: CoachSummary[] | null): CoachChoices {
	const all = coaches ?? [];
	return {
		teamView: coaches !== null && (current.tenant.kind !== 'solo' || all.length > 1),
		...assignableCoaches(all),
		defaultCoachId: all.find((coach) => coach.id === current.person.id && coach.status === 'active')?.id ?? ''
	};
}
