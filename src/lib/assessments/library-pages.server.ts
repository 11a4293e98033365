/**
 * The loads and form actions of the Assessments screens outside a profile: the template
 * library and its builder for admins and coaches, and, at the same address, the coachee's
 * own list of assessments to answer (with the answer page).
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { finish } from '$lib/server/form-outcome';
import { defineActions, formAction, type FormSpec } from '$lib/server/forms';
import { loadOrFail, serverCaller, workspaceOf } from '$lib/server/trpc/server-caller';
import { can } from '$lib/permissions';
import { arrange, builderSpec, draftFromForm, templateInput } from './builder';
import { assignmentPaths, libraryPaths } from './paths';
import { answerField } from './schema';

const tenantOf = (event: RequestEvent) => event.params.tenant ?? '';
const inTenant = (event: RequestEvent, path: string) => `/t/${tenantOf(event)}${path}`;

/** Whether this person uses the library (admins, coaches) or answers (a coachee). */
function audience(event: RequestEvent) {
	const workspace = workspaceOf(event);
	if (workspace && can(workspace.roles, 'assessments.library')) return { library: true as const };
	if (workspace?.roles.includes('coachee') && workspace.personId) return { library: false as const, coacheeId: workspace.personId };
	error(404, 'Assessments are for coaches, admins and coachees.');
}

/** The library (search `q`, `show=archived`), or the coachee's own assessments. */
export const loadAssessments = (event: RequestEvent) =>
	loadOrFail(event, async () => {
		const tenant = tenantOf(event);
		const who = audience(event);
		if (!who.library) return { view: 'mine' as const, mine: await serverCaller(event).assessments.list({ tenant, coacheeId: who.coacheeId }) };
		const search = event.url.searchParams.get('q') ?? '';
		const archived = event.url.searchParams.get('show') === 'archived';
		return { view: 'library' as const, search, archived, library: await serverCaller(event).assessments.library({ tenant, search, archived }) };
	});

/** A template's Options in the library. */
export const libraryActions = defineActions({
	archive: formAction({ templateId: 'text', archived: 'checkbox' }, async ({ templateId, archived }, { api, event }) => {
		const { title } = await api.assessments.archiveTemplate({ tenant: tenantOf(event), templateId, archived });
		const message = archived ? `“${title}” archived. It stays with the answers already given.` : `“${title}” is back in the library.`;
		return finish(event, { message, location: inTenant(event, libraryPaths.library) });
	}),
	delete: formAction({ templateId: 'text' }, async ({ templateId }, { api, event }) => {
		const { title } = await api.assessments.deleteTemplate({ tenant: tenantOf(event), templateId });
		return finish(event, { message: `“${title}” deleted.`, location: inTenant(event, libraryPaths.library) });
	})
});

/** The builder of an existing template (none for "New"). */
export const loadTemplate = (event: RequestEvent) =>
	loadOrFail(event, async () => ({
		template: await serverCaller(event).assessments.template({ tenant: tenantOf(event), templateId: event.params.templateId ?? '' })
	}));

/** Without scripts, "Add question", "Move up/down" and "Remove" post here: nothing is saved,
 * the page comes back with the rearranged template and everything typed. */
const arrangeAction = formAction(builderSpec, async (input) => ({ draft: arrange(draftFromForm(input), input.intent ?? '') }));

export const newTemplateActions = defineActions({
	save: formAction(builderSpec, async (input, { api, event }) => {
		const fields = templateInput(draftFromForm(input));
		await api.assessments.createTemplate({ tenant: tenantOf(event), ...fields });
		return finish(event, { message: `“${fields.title.trim()}” added to the library.`, location: inTenant(event, libraryPaths.library) });
	}),
	arrange: arrangeAction
});

export const editTemplateActions = defineActions({
	save: formAction(builderSpec, async (input, { api, event }) => {
		const fields = templateInput(draftFromForm(input));
		await api.assessments.updateTemplate({ tenant: tenantOf(event), templateId: event.params.templateId ?? '', ...fields });
		return finish(event, { message: `“${fields.title.trim()}” saved.`, location: inTenant(event, libraryPaths.library) });
	}),
	arrange: arrangeAction
});

// ---- The coachee answering -------------------------------------------------------------------

function ownCoacheeId(event: RequestEvent): string {
	const who = audience(event);
	if (who.library) error(404, 'Assessments are answered by the coachee they were given to.');
	return who.coacheeId;
}

export const loadAnswerPage = (event: RequestEvent) =>
	loadOrFail(event, async () => ({
		detail: await serverCaller(event).assessments.get({ tenant: tenantOf(event), coacheeId: ownCoacheeId(event), assignmentId: event.params.assignmentId ?? '' })
	}));

/** One list field per question answered (text, a number, the options ticked), and which button. */
const answerSpec = (data: FormData): FormSpec =>
	Object.fromEntries([['submit', 'text'], ...[...new Set(data.keys())].filter((key) => key.startsWith(answerField(''))).map((key) => [key, 'list'])]);

export const answerActions = defineActions({
	answer: formAction(answerSpec, async (input, { api, event }) => {
		const answers = Object.fromEntries(
			Object.entries(input)
				.filter(([key]) => key.startsWith(answerField('')))
				.map(([key, value]) => [key.slice(answerField('').length), value as string[]])
		);
		const submit = input.submit === 'true';
		const saved = await api.assessments.answer({ tenant: tenantOf(event), coacheeId: ownCoacheeId(event), assignmentId: event.params.assignmentId ?? '', answers, submit });
		const message = submit ? `“${saved.title}” submitted. Your coach has been told.` : `Draft of “${saved.title}” saved.`;
		return finish(event, { message, location: inTenant(event, submit ? assignmentPaths(null).list : assignmentPaths(null).assignment(event.params.assignmentId ?? '')) });
	})
});

