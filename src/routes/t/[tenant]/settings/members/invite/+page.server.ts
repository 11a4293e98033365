import { backPath, finish } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';
import type { StaffRole } from '$lib/members/schema';

/** "Invite member" as a page (the members list opens it as a dialog). */
export const actions = defineActions({
	invite: formAction({ firstName: 'text', lastName: 'text', email: 'text', role: 'text', back: 'optional' }, async ({ role, back, ...person }, { api, event }) => {
		const tenant = event.params.tenant as string;
		// The procedure's schema checks the role and says what to choose.
		await api.members.invite({ tenant, ...person, role: role as StaffRole });
		// Back to the settings list it was opened from (Members, or Authorized Users).
		const location = backPath(back, `/t/${tenant}/settings`, `/t/${tenant}/settings/members`);
		return finish(event, { message: `Invitation sent to ${person.email.trim()}.`, location });
	})
});
