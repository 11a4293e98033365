import type { RouterOutputs } from '$lib/client/trpc';

export type GroupSummary = RouterOutputs['coachees']['groups'][number];
export type GroupMember = RouterOutputs['coachees']['group']['members'][number];
export type GroupRef = Pick<GroupSummary, 'id' | 'name'>;
