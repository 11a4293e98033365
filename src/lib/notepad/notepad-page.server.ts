/**
 * The Coaching Notepad page (`/t/<slug>/coachees/<id>/notepad`): one procedure, so one
 * tenant batch, and its two forms. "Save notes" is how the notes are saved before scripts run
 * (with them, the page saves as the coach types); "Finish session" logs the session with the
 * notes and goes to Session Logs.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { profileHref } from '$lib/coachees/tabs';
import { finish, finishElsewhere } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import { sessionForm, sessionInput } from '$lib/sessions/sessions-pages.server';

const of = (event: RequestEvent) => ({ tenant: event.params.tenant ?? '', coacheeId: event.params.coacheeId ?? '' });

export const loadNotepad = (event: RequestEvent) => loadOrFail(event, async () => ({ pad: await serverCaller(event).notepad.open(of(event)) }));

export const notepadActions = defineActions({
	save: formAction({ body: 'text' }, async ({ body }, { api, event }) => {
		const { tenant, coacheeId } = of(event);
		// A plain post is the newest word there is: the server's clock orders it.
		await api.notepad.save({ tenant, coacheeId, body, revision: Date.now() });
		return finish(event, { message: 'Notes saved.', location: profileHref(tenant, coacheeId, 'notepad') });
	}),
	finish: formAction({ ...sessionForm, body: 'optional', engagementItemId: 'optional' }, async (input, { api, event }) => {
		const { tenant, coacheeId } = of(event);
		await api.notepad.finish({ tenant, coacheeId, ...sessionInput(input), body: input.body, engagementItemId: input.engagementItemId });
		// The Notepad starts afresh after this, so the coach lands on the session just logged.
		return finishElsewhere(event, { message: `Session “${input.title.trim()}” logged, with your notes.`, location: profileHref(tenant, coacheeId, 'sessions') });
	})
});
