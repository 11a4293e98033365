import type { RouterOutputs } from '$lib/client/trpc';

export type NotificationPage = RouterOutputs['notifications']['list'];
export type NotificationItem = NotificationPage['items'][number];
export type NotificationPreference = RouterOutputs['notifications']['preferences'][number];
export type Delivery = NotificationPreference['delivery'];
