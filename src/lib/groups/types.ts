import type { RouterOutputs } from '$lib/client/trpc';

export type GroupSummary = RouterOutputs['coachees']['groups'][number];
export type GroupMember = RouterOutputs['coachees']['group']['members'][number];
/** Enough to open the dialog on a group before its members have loaded. */
export type GroupRef = Pick<GroupSummary, 'id' | 'name'>;
export interface SavedGroup {
	id: string;
	name: string;
	members: number;
	created: boolean;
}
