import type { Role } from '../db/control/schema';
import type { Delivery } from '../db/tenant/schema';

/** Every kind of notification: who can receive it and how it is delivered until the person chooses. Later
 * features add their kinds here and they appear in everyone's preferences. */
export const notificationKinds = {
	coachee_activated: { label: 'A coachee activates their account', defaultDelivery: 'immediate', audience: ['coach'] },
	coachee_assigned: { label: 'A coachee is assigned to you', defaultDelivery: 'immediate', audience: ['coach'] },
	coach_assigned: { label: 'A coach is assigned to you', defaultDelivery: 'immediate', audience: ['coachee'] },
	coachee_goal_created: { label: 'A coachee creates a goal or milestone', defaultDelivery: 'immediate', audience: ['coach'] },
	coachee_action_created: { label: 'A coachee creates an action', defaultDelivery: 'immediate', audience: ['coach'] },
	coachee_action_updated: { label: 'A coachee updates an action’s progress or details', defaultDelivery: 'immediate', audience: ['coach'] },
	coach_changed_goals: { label: 'Your coach adds or changes your goals, milestones or actions', defaultDelivery: 'immediate', audience: ['coachee'] },
	action_comment: { label: 'Someone comments on an action', defaultDelivery: 'immediate', audience: ['coach', 'coachee'] },
	coachee_file_shared: { label: 'A coachee shares a file with you', defaultDelivery: 'immediate', audience: ['coach'] },
	file_shared_with_you: { label: 'Your coach shares a file with you', defaultDelivery: 'immediate', audience: ['coachee'] },
	assessment_assigned: { label: 'Your coach gives you an assessment or coaching questions to answer', defaultDelivery: 'immediate', audience: ['coachee'] },
	assessment_submitted: { label: 'A coachee submits an assessment or their answers to coaching questions', defaultDelivery: 'immediate', audience: ['coach'] },
	member_joined: { label: 'Someone accepts an invitation to join as coach, admin or authorized user', defaultDelivery: 'immediate', audience: ['admin'] },
	engagement_item_sent: { label: 'An engagement sends you an assessment, a file, a link or a session to schedule', defaultDelivery: 'immediate', audience: ['coachee'] },
	session_scheduled: {
		label: 'A coaching session is scheduled, changed or cancelled (the email carries the calendar invitation)',
		defaultDelivery: 'immediate',
		audience: ['coach', 'coachee']
	},
	session_reminder: { label: 'A reminder before a coaching session', defaultDelivery: 'immediate', audience: ['coach', 'coachee'] },
	engagement_assigned: { label: 'An engagement you coach becomes Active', defaultDelivery: 'immediate', audience: ['coach'] },
	engagement_shared: { label: 'Your coach shares an engagement with you', defaultDelivery: 'immediate', audience: ['coachee'] },
	bulk_create_finished: { label: 'A Bulk Create you started has finished', defaultDelivery: 'immediate', audience: ['admin'] },
	export_ready: { label: 'An export you asked for is ready to download', defaultDelivery: 'immediate', audience: ['admin', 'coach'] }
} as const satisfies Record<string, { label: string; defaultDelivery: Delivery; audience: readonly Role[] }>;

export type NotificationKind = keyof typeof notificationKinds;
export const notificationKindNames = Object.keys(notificationKinds) as [NotificationKind, ...NotificationKind[]];
