import type { IconName, Tone } from './types.js';

/**
 * Every status word the product shows, with its colour (UI.md "Colours with meaning"):
 * - People (coachees, members, invitations): Active green, Invited amber, Not invited grey.
 * - Engagements: Draft grey, Active blue, Completed green.
 * - Engagement items: Not yet scheduled grey, Scheduled purple, Completed green, Locked grey + lock.
 */
export type Status =
	| 'active'
	| 'invited'
	| 'not_invited'
	| 'deactivated'
	| 'revoked'
	| 'expired'
	| 'draft'
	| 'completed'
	| 'scheduled'
	| 'not_scheduled'
	| 'locked'
	| 'assigned'
	| 'in_progress';

/** Which list the status belongs to; "active" is green for a person but blue for an engagement. */
export type StatusKind = 'person' | 'engagement' | 'item';

export interface StatusInfo {
	label: string;
	tone: Tone;
	icon?: IconName;
}

const common: Record<Status, StatusInfo> = {
	active: { label: 'Active', tone: 'green' },
	invited: { label: 'Invited', tone: 'amber' },
	not_invited: { label: 'Not invited', tone: 'grey' },
	deactivated: { label: 'Deactivated', tone: 'grey' },
	revoked: { label: 'Revoked', tone: 'red' },
	expired: { label: 'Expired', tone: 'red' },
	draft: { label: 'Draft', tone: 'grey' },
	completed: { label: 'Completed', tone: 'green' },
	scheduled: { label: 'Scheduled', tone: 'purple' },
	not_scheduled: { label: 'Not yet scheduled', tone: 'grey' },
	locked: { label: 'Locked', tone: 'grey', icon: 'lock' },
	// Assessments: given, being answered, submitted (completed is green above).
	assigned: { label: 'Assigned', tone: 'grey' },
	in_progress: { label: 'In progress', tone: 'blue' }
};

const byKind: Record<StatusKind, Partial<Record<Status, StatusInfo>>> = {
	person: {},
	engagement: { active: { label: 'Active', tone: 'blue' } },
	item: {}
};

export function statusInfo(status: Status, kind: StatusKind = 'person'): StatusInfo {
	return byKind[kind][status] ?? common[status] ?? { label: String(status), tone: 'grey' };
}
