/**
 * The coachees domain's inputs, enums and rules, imported by the server's router and
 * services and by the pages alike: one definition of what a valid coachee, list query or
 * group is, and of when a coachee can still be edited or invited.
 */
import { z } from 'zod';
import { emailSchema, personNameSchema } from '../auth/schema';
import { singleLine } from '../validation';

export const personStatuses = ['not_invited', 'invited', 'active', 'deactivated'] as const;
export type PersonStatus = (typeof personStatuses)[number];

export const coacheeSorts = ['name', 'email', 'status', 'coach', 'lastActivity'] as const;
export type CoacheeSort = (typeof coacheeSorts)[number];

/** Name and email can be changed only until the coachee activates their account. */
export const editableStatuses = ['not_invited', 'invited'] as const satisfies readonly PersonStatus[];
export const isEditable = (status: PersonStatus) => (editableStatuses as readonly PersonStatus[]).includes(status);

/** A coach can be given coachees unless deactivated: a firm assigns coachees to coaches it
 * has invited, who see them once they accept. */
export const isAssignableCoach = (status: PersonStatus) => status !== 'deactivated';

/** Send Invitation while never invited, Resend Invitation while invited; nothing otherwise. */
export function invitationLabel(status: PersonStatus): 'Send Invitation' | 'Resend Invitation' | null {
	if (status === 'not_invited') return 'Send Invitation';
	if (status === 'invited') return 'Resend Invitation';
	return null;
}

const id = z.string().min(1).max(64);

/** The coach filter's two groups beside a coach's id: coachees with no coach, and coachees
 * whose coach is deactivated (to find and reassign them). */
export const coachFilterGroups = ['none', 'deactivated'] as const;
export type CoachFilterGroup = (typeof coachFilterGroups)[number];
export const isCoachFilterGroup = (value: string): value is CoachFilterGroup => (coachFilterGroups as readonly string[]).includes(value);

export const coacheeListInput = z.object({
	search: z.string().trim().max(200).optional(),
	status: z.enum(personStatuses).optional(),
	/** A coach's id, or one of `coachFilterGroups`. */
	coachId: id.optional(),
	sort: z.enum(coacheeSorts).default('name'),
	dir: z.enum(['asc', 'desc']).default('asc'),
	page: z.number().int().min(1).default(1),
	pageSize: z.number().int().min(5).max(100).default(25)
});
export type CoacheeListInput = z.output<typeof coacheeListInput>;

export const coacheeFields = z.object({ firstName: personNameSchema('first name'), lastName: personNameSchema('last name'), email: emailSchema });
export type CoacheeFields = z.output<typeof coacheeFields>;

export const newCoacheeInput = coacheeFields.extend({ sendInvitation: z.boolean().default(false), coachId: id.nullish() });
export type NewCoachee = z.output<typeof newCoacheeInput>;

export const coacheeIdInput = z.object({ coacheeId: id });
export const editCoacheeInput = coacheeFields.extend({ coacheeId: id });

export const assignCoachInput = z.object({ coacheeIds: z.array(id).min(1, 'Choose at least one coachee.').max(5000), coachId: id });
export type AssignCoach = z.output<typeof assignCoachInput>;

export const groupFields = z.object({
	name: singleLine(z.string().trim().min(1, 'Enter a group name.').max(80, 'Use at most 80 characters.')),
	memberIds: z.array(id).max(5000).default([])
});
export type GroupFields = z.output<typeof groupFields>;
export const groupIdInput = z.object({ groupId: id });
