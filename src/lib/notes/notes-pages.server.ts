/**
 * The Notes tab's server side (`/t/<slug>/coachees/<id>/notes/...`): each `+page.server.ts`
 * re-exports a load and its actions from here. Only a coach keeps notes: a coachee (or an
 * authorized user) reaching the tab gets 404, an admin without the coach role the tab's
 * explanation and none of them.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { profileHref } from '$lib/coachees/tabs';
import { finish } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';
import { leavePastEnd, pageParam } from '$lib/server/paging';
import { loadOrFail, serverCaller, workspaceOf } from '$lib/server/trpc/server-caller';
import { can } from '../permissions';

const notesForm = { title: 'text', body: 'text' } as const;

/** The tenant and coachee of the route, and the tab's address. */
function notesOf(event: RequestEvent) {
	const tenant = event.params.tenant ?? '';
	const coacheeId = event.params.coacheeId ?? '';
	return { tenant, coacheeId, list: profileHref(tenant, coacheeId, 'notes') };
}

/** Whether the person keeps notes here; a 404 for those the tab is not for at all. */
function keepsNotes(event: RequestEvent): boolean {
	const roles = workspaceOf(event)?.roles ?? [];
	if (can(roles, 'notes.manage')) return true;
	if (roles.includes('admin')) return false;
	error(404, 'There is no such page.');
}

/** `?q=words&page=2`; anything else reads as the first page of every note. */
function readQuery(params: URLSearchParams) {
	return { q: (params.get('q') ?? '').trim().slice(0, 200), page: pageParam(params) };
}

export async function loadNotes(event: RequestEvent) {
	if (!keepsNotes(event)) return { query: readQuery(event.url.searchParams), list: null };
	const { tenant, coacheeId } = notesOf(event);
	const query = readQuery(event.url.searchParams);
	const list = await loadOrFail(event, () => serverCaller(event).notes.list({ tenant, coacheeId, ...query }));
	leavePastEnd(event.url, { shown: list.rows.length, total: list.total, pageSize: list.pageSize });
	return { query, list };
}

/** "New": no reads, but only for a coach. */
export function loadNewNote(event: RequestEvent) {
	if (!keepsNotes(event)) error(404, 'There is no such page.');
	return {};
}

export async function loadEditNote(event: RequestEvent) {
	if (!keepsNotes(event)) error(404, 'There is no such page.');
	const { tenant, coacheeId } = notesOf(event);
	const note = await loadOrFail(event, () => serverCaller(event).notes.get({ tenant, coacheeId, noteId: event.params.noteId ?? '' }));
	return { note };
}

export const noteListActions = defineActions({
	/** The row's Options > Delete. */
	delete: formAction({ noteId: 'text' }, async ({ noteId }, { api, event }) => {
		const { tenant, coacheeId, list } = notesOf(event);
		const { title } = await api.notes.delete({ tenant, coacheeId, noteId });
		return finish(event, { message: `Note “${title}” deleted.`, location: list });
	})
});

export const newNoteActions = defineActions({
	create: formAction(notesForm, async (input, { api, event }) => {
		const { tenant, coacheeId, list } = notesOf(event);
		await api.notes.create({ tenant, coacheeId, ...input });
		return finish(event, { message: `Note “${input.title.trim()}” saved.`, location: list });
	})
});

export const editNoteActions = defineActions({
	update: formAction(notesForm, async (input, { api, event }) => {
		const { tenant, coacheeId, list } = notesOf(event);
		await api.notes.update({ tenant, coacheeId, noteId: event.params.noteId ?? '', ...input });
		return finish(event, { message: `Note “${input.title.trim()}” saved.`, location: list });
	})
});
