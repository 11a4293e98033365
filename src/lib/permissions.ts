/**
 * Who may do what, named once (DESIGN.md "Roles and what each may see"). Server procedures
 * are built from these names (trpc/procedures.ts `permitted`), services scope their queries
 * by `coacheeReach`, and pages import the same table to show only what a person can use.
 * A role never appears in a rule elsewhere.
 */
export const roles = ['admin', 'coach', 'coachee', 'spectator'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
	admin: 'Admin',
	coach: 'Coach',
	coachee: 'Coachee',
	spectator: 'Authorized user'
};

export const rolesLabel = (held: readonly Role[], separator = ' · ') => held.map((role) => roleLabels[role]).join(separator);

export const permissions = {
	/** The Coachees list: admins every coachee, coaches their own (see coacheeReach). */
	'coachees.list': ['admin', 'coach'],
	/** A coachee's profile: admins any, coaches their own, a coachee themself. */
	'coachees.view': ['admin', 'coach', 'coachee'],
	'coachees.add': ['admin', 'coach'],
	'coachees.edit': ['admin', 'coach'],
	'coachees.invite': ['admin', 'coach'],
	'coachees.assignCoach': ['admin'],
	'coaches.list': ['admin'],
	/** Goals, milestones, actions and comments (DESIGN.md): admins every coachee's, coaches
	 * their coachees', a coachee their own (see coacheeReach). A coachee may change or delete
	 * only what they created themself (goals/ownership.ts). */
	'goals.view': ['admin', 'coach', 'coachee'],
	'goals.create': ['admin', 'coach', 'coachee'],
	'goals.edit': ['admin', 'coach', 'coachee'],
	/** The progress slider of an action. */
	'goals.progress': ['admin', 'coach', 'coachee'],
	'goals.comment': ['admin', 'coach', 'coachee'],
	/** Private notes and the Coaching Notepad: only ever their author's, so only a coach keeps
	 * them (an admin without the coach role has none; an admin-coach never reads another's). */
	'notes.manage': ['coach'],
	/** Session Logs (DESIGN.md): admins every coachee's, coaches their coachees', a coachee
	 * their own, read only. */
	'sessions.view': ['admin', 'coach', 'coachee'],
	'sessions.manage': ['admin', 'coach'],
	/** Files on a coachee's profile (DESIGN.md): everyone sees the shared ones of the coachees
	 * they reach and the private ones they uploaded themself (files/service.ts). A coachee's
	 * uploads are always shared. Deleting: the uploader, and an admin a shared file. */
	'files.view': ['admin', 'coach', 'coachee'],
	'files.upload': ['admin', 'coach', 'coachee'],
	'files.delete': ['admin', 'coach', 'coachee'],
	/** Beyond their own uploads: any shared file of the coachees they reach. */
	'files.deleteShared': ['admin'],
	/** The tenant's library of assessment templates: admins and coaches build and assign from
	 * it; a coach edits, archives or deletes the templates they created, an admin any. */
	'assessments.library': ['admin', 'coach'],
	'assessments.editAnyTemplate': ['admin'],
	/** Assigned assessments and coaching questions (DESIGN.md "session logs, assessments"):
	 * admins every coachee's, coaches their coachees', a coachee their own (see coacheeReach). */
	'assessments.view': ['admin', 'coach', 'coachee'],
	'assessments.assign': ['admin', 'coach'],
	/** Only the coachee answers, their own and only until they submit. */
	'assessments.answer': ['coachee'],
	/** Program templates: admins keep the firm's library; a coach uses it and keeps their own
	 * templates, which only they (and admins) see and edit. */
	'programs.library': ['admin', 'coach'],
	'programs.editFirm': ['admin'],
	/** Engagements (DESIGN.md): admins all, drafts included; a coach the active and completed
	 * ones they coach; a coachee their own shared ones; a spectator the ones they are named
	 * on, read only (engagements/access.ts). */
	'engagements.view': ['admin', 'coach', 'coachee', 'spectator'],
	'engagements.manage': ['admin', 'coach'],
	/** Drafts, engagements for any coach, and naming spectators. */
	'engagements.administer': ['admin'],
	/** A session left for the coachee to schedule ("Allow coachee to schedule the session"). */
	'engagements.scheduleOwn': ['coachee'],
	/** "Bulk Create": engagements for every coachee of an uploaded CSV. */
	'engagements.bulkCreate': ['admin'],
	/** "Export": a CSV of the engagements one may see (a coach: the ones they coach). */
	'engagements.export': ['admin', 'coach'],
	/** A private calendar feed of one's engagement sessions. */
	'calendar.feed': ['admin', 'coach', 'coachee'],
	'groups.manage': ['admin'],
	'members.manage': ['admin'],
	/** Settings > Workspace: its name and reply-to address. */
	'workspace.manage': ['admin']
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

/** What only organisations have: an independent coach's workspace has no other members to
 * invite or group (its owner is its only admin and coach), so these answer "not found" there. */
export const organisationOnly: readonly Permission[] = ['groups.manage', 'members.manage'];

export const can = (held: readonly Role[], permission: Permission) =>
	(permissions[permission] as readonly Role[]).some((role) => held.includes(role));

/** Which coachees a person reaches: the widest their roles give (a solo owner is admin and coach). */
export type CoacheeReach = 'all' | 'assigned' | 'self' | 'none';

export function coacheeReach(held: readonly Role[]): CoacheeReach {
	if (held.includes('admin')) return 'all';
	if (held.includes('coach')) return 'assigned';
	if (held.includes('coachee')) return 'self';
	return 'none';
}

/** "an admin or coach": for refusals that say who can. */
export function whoCan(permission: Permission): string {
	const names = (permissions[permission] as readonly Role[]).map((role) => roleLabels[role].toLowerCase()).join(' or ');
	return `${/^[aeiou]/.test(names) ? 'an' : 'a'} ${names}`;
}
