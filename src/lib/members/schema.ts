/** Settings > Members: who an admin can invite and how, for the server and the pages. */
import { z } from 'zod';
import { emailSchema, personNameSchema } from '../auth/schema';
import type { Role } from '../permissions';

/** Everyone a workspace invites from Settings > Members (coachees come from the Coachees list). */
export const staffRoles = ['coach', 'admin', 'spectator'] as const satisfies Role[];
export type StaffRole = (typeof staffRoles)[number];

export const inviteMemberInput = z.object({
	email: emailSchema,
	firstName: personNameSchema('first name'),
	lastName: personNameSchema('last name'),
	role: z.enum(staffRoles, { error: 'Choose coach, admin or authorized user.' })
});
export type InviteMember = z.output<typeof inviteMemberInput>;

export const personIdInput = z.object({ personId: z.string().min(1).max(64) });

/** What becomes of a deactivated coach's coachees: they stay with them (marked as the
 * coach's being deactivated), have no coach, or move to another coach (that coach's id). */
export const keepCoachees = 'keep';
export const unassignCoachees = 'unassign';
export const deactivateMemberInput = personIdInput.extend({ coachees: z.string().trim().min(1).max(64).default(keepCoachees) });
export type DeactivateMember = z.output<typeof deactivateMemberInput>;

/** "1 coachee", "3 coachees". */
export const countCoachees = (count: number) => (count === 1 ? '1 coachee' : `${count} coachees`);
