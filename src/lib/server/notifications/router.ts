import { z } from 'zod';
import { deliveries } from '../db/tenant/schema';
import { router } from '../trpc/init';
import { tenantProcedure } from '../trpc/procedures';
import { notificationKindNames } from './kinds';
import * as notifications from './service';

/** Everyone's own notifications: any member of the tenant, only ever their own rows. */
export const notificationsRouter = router({
	list: tenantProcedure
		.input(z.object({ before: z.iso.datetime().optional() }))
		.query(({ ctx, input }) => notifications.listNotifications(ctx, input.before)),
	unreadCount: tenantProcedure.query(({ ctx }) => notifications.unreadCount(ctx)),
	markRead: tenantProcedure.input(z.object({ notificationId: z.string().min(1).max(64) })).mutation(({ ctx, input }) => notifications.markRead(ctx, input.notificationId)),
	markAllRead: tenantProcedure.mutation(({ ctx }) => notifications.markAllRead(ctx)),
	preferences: tenantProcedure.query(({ ctx }) => notifications.preferencesOf(ctx)),
	setPreference: tenantProcedure
		.input(z.object({ kind: z.enum(notificationKindNames), delivery: z.enum(deliveries) }))
		.mutation(({ ctx, input }) => notifications.setPreference(ctx, input.kind, input.delivery))
});
