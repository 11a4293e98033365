import { profileHref } from '$lib/coachees/tabs';
import { backPath, finish } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';

/** "Send Invitation" / "Resend Invitation", from the profile header and the list's Options
 * (which sends `back`, the list with its filters, for the no-JS redirect). */
export const actions = defineActions({
	invite: formAction({ back: 'optional' }, async ({ back }, { api, event }) => {
		const { tenant, coacheeId } = event.params as { tenant: string; coacheeId: string };
		const { resent } = await api.coachees.invite({ tenant, coacheeId });
		const { email } = await api.coachees.get({ tenant, coacheeId });
		const profile = profileHref(tenant, coacheeId);
		return finish(event, {
			message: resent ? `Invitation resent to ${email}. The earlier link no longer works.` : `Invitation sent to ${email}.`,
			location: backPath(back, `/t/${tenant}/coachees`, profile)
		});
	})
});
