import type { Role } from '../db/control/schema';
import type { Delivery } from '../db/tenant/schema';

/** Every kind of notification: who can receive it and how it is delivered until the person chooses. Later
 * features add their kinds here and they appear in everyone's preferences. */
export const notificationKinds = {
	coachee_activated: { label: 'A coachee activates their account', defaultDelivery: 'immediate', audience: ['coach'] },
	coachee_assigned: { label: 'A coachee is assigned to you', defaultDelivery: 'immediate', audience: ['coach'] },
	coach_assigned: { label: 'A coach is assigned to you', defaultDelivery: 'immediate', audience: ['coachee'] },
	member_joined: { label: 'Someone accepts an invitation to join as coach, admin or authorized user', defaultDelivery: 'immediate', audience: ['admin'] }
} as const satisfies Record<string, { label: string; defaultDelivery: Delivery; audience: readonly Role[] }>;

export type NotificationKind = keyof typeof notificationKinds;
export const notificationKindNames = Object.keys(notificationKinds) as [NotificationKind, ...NotificationKind[]];
