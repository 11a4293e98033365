import { finish } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';
import type { StaffRole } from '$lib/members/schema';

/** "Invite member" as a page (the members list opens it as a dialog). */
export const actions = defineActions({
	invite: formAction({ firstName: 'text', lastName: 'text', email: 'text', role: 'text' }, async ({ role, ...person }, { api, event }) => {
		const tenant = event.params.tenant as string;
		// The procedure's schema checks the role and says what to choose.
		await api.members.invite({ tenant, ...person, role: role as StaffRole });
		return finish(event, { message: `Invitation sent to ${person.email.trim()}.`, location: `/t/${tenant}/settings/members` });
	})
});
