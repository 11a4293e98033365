/**
 * The form actions that change an engagement as a whole, shared by the Engagements list and
 * the engagement's page (spread them into the page's `actions`): the status menu, "Share to
 * Coachee" / "Stop sharing", the "Spectator" picker and Delete. Each form carries a hidden
 * `back` (the page it was posted from, filters and all) that a browser without scripts
 * returns to with the confirmation; Delete always goes to the list, the engagement is gone.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { backPath, finish, finishElsewhere } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';
import { engagementPaths } from './paths';

const tenantOf = (event: RequestEvent) => event.params.tenant ?? '';
const listPath = (event: RequestEvent) => `/t/${tenantOf(event)}${engagementPaths.list}`;
const backTo = (event: RequestEvent, back: string | undefined) => backPath(back, listPath(event), listPath(event));

const statusMessages = {
	active: (title: string, reopened: boolean) => (reopened ? `“${title}” reopened: it is Active again.` : `“${title}” is now Active. Its coach has been told.`),
	completed: (title: string) => `“${title}” marked as Completed.`
};

export const engagementActions = defineActions({
	setStatus: formAction({ engagementId: 'text', status: 'text', back: 'optional' }, async (input, { api, event }) => {
		const status = input.status === 'completed' ? 'completed' : 'active';
		const before = input.status === 'reopen';
		const { title } = await api.engagements.setStatus({ tenant: tenantOf(event), engagementId: input.engagementId, status });
		const message = status === 'completed' ? statusMessages.completed(title) : statusMessages.active(title, before);
		return finish(event, { message, location: backTo(event, input.back) });
	}),
	setShared: formAction({ engagementId: 'text', shared: 'text', back: 'optional' }, async (input, { api, event }) => {
		const shared = input.shared === 'true';
		const { title } = await api.engagements.setShared({ tenant: tenantOf(event), engagementId: input.engagementId, shared });
		const message = shared ? `“${title}” is shared with the coachee: it appears in their Engagements.` : `Stopped sharing “${title}”. The coachee still gets items as they are sent.`;
		return finish(event, {
			message,
			location: backTo(event, input.back),
			undo: { action: `?/setShared`, fields: { engagementId: input.engagementId, shared: String(!shared) } }
		});
	}),
	setSpectators: formAction({ engagementId: 'text', spectatorIds: 'list', back: 'optional' }, async (input, { api, event }) => {
		const { title, spectators } = await api.engagements.setSpectators({ tenant: tenantOf(event), engagementId: input.engagementId, spectatorIds: input.spectatorIds });
		const who = spectators === 0 ? 'No authorized user follows' : spectators === 1 ? '1 authorized user follows' : `${spectators} authorized users follow`;
		return finish(event, { message: `Saved. ${who} “${title}”.`, location: backTo(event, input.back) });
	}),
	delete: formAction({ engagementId: 'text', back: 'optional' }, async (input, { api, event }) => {
		const { title } = await api.engagements.delete({ tenant: tenantOf(event), engagementId: input.engagementId });
		// The engagement's own page is gone: back to the list (with its filters, when posted from there).
		const back = backTo(event, input.back);
		const location = back.startsWith(`${listPath(event)}/`) ? listPath(event) : back;
		return finishElsewhere(event, { message: `“${title}” deleted, with its items and their schedule.`, location });
	})
});
