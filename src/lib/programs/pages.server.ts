/**
 * The loads and form actions of the Programs screens (admins and coaches): the library, the
 * builder for "New", and one template's builder with its Options (Duplicate, Archive).
 */
import type { RequestEvent } from '@sveltejs/kit';
import { finish, finishElsewhere } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import { programPaths } from '$lib/engagements/paths';
import { arrange, builderSpec, draftFromForm, programInput } from './builder';

const tenantOf = (event: RequestEvent) => event.params.tenant ?? '';
const programIdOf = (event: RequestEvent) => event.params.programId ?? '';
const inTenant = (event: RequestEvent, path: string) => `/t/${tenantOf(event)}${path}`;

/** The library (search `q`, `show=archived`). */
export const loadLibrary = (event: RequestEvent) =>
	loadOrFail(event, async () => {
		const search = event.url.searchParams.get('q') ?? '';
		const archived = event.url.searchParams.get('show') === 'archived';
		return { search, archived, library: await serverCaller(event).programs.list({ tenant: tenantOf(event), search, archived }) };
	});

export const loadNewProgram = (event: RequestEvent) => loadOrFail(event, async () => ({ choices: await serverCaller(event).programs.choices({ tenant: tenantOf(event) }) }));

export const loadProgram = (event: RequestEvent) => loadOrFail(event, () => serverCaller(event).programs.get({ tenant: tenantOf(event), programId: programIdOf(event) }));

/** Options > Duplicate and Archive / Restore, from the library or from a template's page. */
const optionActions = {
	duplicate: formAction({ programId: 'text' }, async ({ programId }, { api, event }) => {
		const copy = await api.programs.duplicate({ tenant: tenantOf(event), programId });
		// To the copy, with scripts too: it is the page to change it on.
		return finishElsewhere(event, { message: `“${copy.name}” made: change it as you like.`, location: inTenant(event, programPaths.program(copy.id)) });
	}),
	archive: formAction({ programId: 'text', archived: 'checkbox' }, async ({ programId, archived }, { api, event }) => {
		const { name } = await api.programs.archive({ tenant: tenantOf(event), programId, archived });
		const message = archived ? `“${name}” archived. Engagements made from it keep their items.` : `“${name}” is back in the library.`;
		return finish(event, { message, location: inTenant(event, programPaths.library) });
	})
};

export const libraryActions = defineActions(optionActions);

/** Without scripts, "Add …", "Move up/down" and "Remove" post here: nothing is saved, the
 * page comes back with the rearranged program and everything typed. */
const arrangeAction = formAction(builderSpec, async (input) => ({ draft: arrange(draftFromForm(input), typeof input.intent === 'string' ? input.intent : '') }));

export const newProgramActions = defineActions({
	save: formAction(builderSpec, async (input, { api, event }) => {
		const { name } = await api.programs.create({ tenant: tenantOf(event), ...programInput(draftFromForm(input)) });
		return finish(event, { message: `“${name}” added to the library.`, location: inTenant(event, programPaths.library) });
	}),
	arrange: arrangeAction
});

export const editProgramActions = defineActions({
	save: formAction(builderSpec, async (input, { api, event }) => {
		const { name } = await api.programs.update({ tenant: tenantOf(event), programId: programIdOf(event), ...programInput(draftFromForm(input)) });
		return finish(event, { message: `“${name}” saved.`, location: inTenant(event, programPaths.library) });
	}),
	arrange: arrangeAction,
	...optionActions
});
