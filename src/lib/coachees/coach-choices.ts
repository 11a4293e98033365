/** Who may be chosen as a coachee's coach, shared by the list, New and Assign coach. */
import type { SelectOption } from '$lib/components';
import type { RouterOutputs } from '$lib/client/trpc';
import type { CoachSummary } from './types';

type Current = Pick<RouterOutputs['tenancy']['current'], 'tenant' | 'person'>;

export interface CoachChoices {
	/** Coach column, filter and assignment: for admins of a team, not a solo coach's own workspace. */
	teamView: boolean;
	/** Coaches a coachee can be given: active ones only. */
	options: SelectOption[];
	/** An admin's own new coachees default to them when they coach too. */
	defaultCoachId: string;
}

export function coachChoices(current: Current, coaches: CoachSummary[] | null): CoachChoices {
	const all = coaches ?? [];
	const active = all.filter((coach) => coach.status === 'active');
	return {
		teamView: coaches !== null && (current.tenant.kind !== 'solo' || all.length > 1),
		options: active.map((coach) => ({ value: coach.id, label: coach.name })),
		defaultCoachId: active.find((coach) => coach.id === current.person.id)?.id ?? ''
	};
}
