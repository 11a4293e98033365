import { redirect } from '@sveltejs/kit';
import { flash } from '$lib/server/flash';
import { defineActions, formAction } from '$lib/server/forms';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** Settings > Workspace (admins): its name, address, kind and reply-to address. */
export const load: PageServerLoad = (event) =>
	loadOrFail(event, async () => ({ settings: await serverCaller(event).tenancy.settings({ tenant: event.params.tenant }) }));

export const actions = defineActions({
	// A redirect (with scripts too): the next load reads the new name for the top bar and the switcher.
	save: formAction({ name: 'text', replyTo: 'text' }, async (input, { api, event }) => {
		const tenant = event.params.tenant as string;
		const saved = await api.tenancy.updateSettings({ tenant, ...input });
		flash(event.cookies, `Workspace settings saved for ${saved.name}.`);
		redirect(303, `/t/${tenant}/settings/workspace`);
	})
});
