import type { Delivery } from '../db/tenant/schema';

/** Every kind of notification, with how it is delivered until the person chooses. Later
 * features add their kinds here and they appear in everyone's preferences. */
export const notificationKinds = {
	coachee_activated: { label: 'A coachee activates their account', defaultDelivery: 'immediate' },
	coachee_assigned: { label: 'A coachee is assigned to you', defaultDelivery: 'immediate' }
} as const satisfies Record<string, { label: string; defaultDelivery: Delivery }>;

export type NotificationKind = keyof typeof notificationKinds;
export const notificationKindNames = Object.keys(notificationKinds) as [NotificationKind, ...NotificationKind[]];
