import { deliveryOptions } from '$lib/notifications/deliveries';
import { finish } from '$lib/server/form-outcome';
import { defineActions, formAction, type FieldKind } from '$lib/server/forms';
import { notificationKindNames, type NotificationKind } from '$lib/server/notifications/kinds';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { Delivery } from '$lib/notifications/types';
import type { PageServerLoad } from './$types';

/** The newest page of the person's own notifications, and how each kind reaches them by email. */
export const load: PageServerLoad = (event) =>
	loadOrFail(event, async () => {
		const api = serverCaller(event);
		const tenant = event.params.tenant;
		const [notifications, preferences] = await Promise.all([api.notifications.list({ tenant }), api.notifications.preferences({ tenant })]);
		return { notifications, preferences };
	});

const here = (tenant: string) => `/t/${tenant}/notifications`;

/** "Email alerts": one select per kind. Without scripts the whole form is saved at once; with
 * them each select saves as it changes, sending only its own kind. */
const preferenceFields = Object.fromEntries(notificationKindNames.map((kind) => [kind, 'optional'])) as Record<NotificationKind, FieldKind>;

export const actions = defineActions({
	markRead: formAction({ notificationId: 'text' }, async ({ notificationId }, { api, event }) => {
		const tenant = event.params.tenant as string;
		await api.notifications.markRead({ tenant, notificationId });
		return finish(event, { message: 'Marked as read.', location: here(tenant) });
	}),

	markAllRead: formAction({}, async (_, { api, event }) => {
		const tenant = event.params.tenant as string;
		await api.notifications.markAllRead({ tenant });
		return finish(event, { message: 'All notifications are marked as read.', location: here(tenant) });
	}),

	preferences: formAction(preferenceFields, async (input, { api, event }) => {
		const tenant = event.params.tenant as string;
		const chosen = Object.entries(input).filter((entry): entry is [NotificationKind, string] => typeof entry[1] === 'string');
		// The procedure's schema checks each kind and delivery.
		for (const [kind, delivery] of chosen) await api.notifications.setPreference({ tenant, kind, delivery: delivery as Delivery });
		let message = 'Your email alerts are saved.';
		if (chosen.length === 1) {
			const [[kind, delivery]] = chosen;
			const label = (await api.notifications.preferences({ tenant })).find((p) => p.kind === kind)?.label;
			const said = deliveryOptions.find((option) => option.value === delivery)?.said;
			if (label && said) message = `Saved. “${label}” now reaches you ${said}.`;
		}
		return finish(event, { message, location: `${here(tenant)}#email-alerts` });
	}),

	timeZone: formAction({ timeZone: 'text' }, async (input, { api, event }) => {
		const tenant = event.params.tenant as string;
		const { timeZone } = await api.tenancy.setTimeZone({ tenant, timeZone: input.timeZone });
		return finish(event, { message: `Your time zone is now ${timeZone.replace(/_/g, ' ')}.`, location: `${here(tenant)}#time-zone` });
	})
});
