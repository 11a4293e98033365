import { redirect } from '@sveltejs/kit';
import { defineActions, formAction } from '$lib/server/forms';

const fields = { organisationName: 'text', kind: 'text', firstName: 'text', lastName: 'text', email: 'text', password: 'secret' } as const;

export const actions = defineActions({
	default: formAction(fields, async (input, { api }) => {
		// Any other kind (or none) is refused by the procedure's schema with the field message.
		const { redirectTo } = await api.auth.signUpOrganisation({ ...input, kind: input.kind as 'firm' | 'enterprise' });
		redirect(303, redirectTo);
	})
});
