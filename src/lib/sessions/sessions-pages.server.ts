/**
 * The Session Logs tab's server side (`/t/<slug>/coachees/<id>/sessions/...`), and the
 * coachee's own read-only Sessions page (`/t/<slug>/sessions`): each `+page.server.ts`
 * re-exports a load and its actions from here.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { finish } from '$lib/server/form-outcome';
import { defineActions, formAction, type FormInput } from '$lib/server/forms';
import { leavePastEnd, pageParam } from '$lib/server/paging';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import { recordOwner } from '$lib/portal/record-owner.server';
import { sessionsPath } from './paths';
import type { SessionStatus } from './schema';

function sessionsOf(event: RequestEvent) {
	const { tenant, coacheeId, profileId } = recordOwner(event, 'Session Logs');
	return { tenant, coacheeId, list: sessionsPath(tenant, profileId) };
}

export async function loadSessions(event: RequestEvent) {
	const { tenant, coacheeId } = sessionsOf(event);
	const list = await loadOrFail(event, () => serverCaller(event).sessions.list({ tenant, coacheeId, page: pageParam(event.url.searchParams) }));
	leavePastEnd(event.url, { shown: list.rows.length, total: list.total, pageSize: list.pageSize });
	return { list };
}

export async function loadEditSession(event: RequestEvent) {
	const { tenant, coacheeId } = sessionsOf(event);
	const session = await loadOrFail(event, () => serverCaller(event).sessions.get({ tenant, coacheeId, sessionId: event.params.sessionId ?? '' }));
	return { session };
}

/** The form's fields, shared with the Coaching Notepad's "Finish session". */
export const sessionForm = { title: 'text', date: 'text', time: 'text', durationMinutes: 'text', status: 'text' } as const;

/** As the procedures take them: the number and the enum are checked there, with their messages. */
export const sessionInput = (input: FormInput<typeof sessionForm>) => ({
	...input,
	durationMinutes: input.durationMinutes.trim() === '' ? Number.NaN : Number(input.durationMinutes),
	status: input.status as SessionStatus
});

export const sessionListActions = defineActions({
	delete: formAction({ sessionId: 'text' }, async ({ sessionId }, { api, event }) => {
		const { tenant, coacheeId, list } = sessionsOf(event);
		const { title } = await api.sessions.delete({ tenant, coacheeId, sessionId });
		return finish(event, { message: `Session “${title}” deleted.`, location: list });
	})
});

export const newSessionActions = defineActions({
	create: formAction(sessionForm, async (input, { api, event }) => {
		const { tenant, coacheeId, list } = sessionsOf(event);
		await api.sessions.create({ tenant, coacheeId, ...sessionInput(input) });
		return finish(event, { message: `Session “${input.title.trim()}” logged.`, location: list });
	})
});

export const editSessionActions = defineActions({
	update: formAction(sessionForm, async (input, { api, event }) => {
		const { tenant, coacheeId, list } = sessionsOf(event);
		await api.sessions.update({ tenant, coacheeId, sessionId: event.params.sessionId ?? '', ...sessionInput(input) });
		return finish(event, { message: `Session “${input.title.trim()}” saved.`, location: list });
	})
});
