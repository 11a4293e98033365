/**
 * The loads and form actions of a coachee's Assessments tab for admins and coaches: the
 * list, one assignment's answers, Compare, and "Assign". Each load is one procedure, so one
 * tenant batch with the coachee's visibility check in it.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { finish } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import { assignmentPaths } from './paths';

function whose(event: RequestEvent) {
	const tenant = event.params.tenant ?? '';
	const coacheeId = event.params.coacheeId ?? '';
	return { tenant, coacheeId, paths: assignmentPaths(coacheeId) };
}

export const loadTab = (event: RequestEvent) =>
	loadOrFail(event, async () => {
		const { tenant, coacheeId } = whose(event);
		return { list: await serverCaller(event).assessments.list({ tenant, coacheeId }) };
	});

export const loadAssignment = (event: RequestEvent) =>
	loadOrFail(event, async () => {
		const { tenant, coacheeId } = whose(event);
		return { detail: await serverCaller(event).assessments.get({ tenant, coacheeId, assignmentId: event.params.assignmentId ?? '' }) };
	});

/** `?template=` and the two picked (`first`, `second`; by default the two latest). */
export const loadCompare = (event: RequestEvent) =>
	loadOrFail(event, async () => {
		const { tenant, coacheeId } = whose(event);
		const query = event.url.searchParams;
		const pick = (name: string) => query.get(name) || undefined;
		return {
			comparison: await serverCaller(event).assessments.compare({ tenant, coacheeId, templateId: query.get('template') ?? '', first: pick('first'), second: pick('second') })
		};
	});

export const loadAssign = (event: RequestEvent) =>
	loadOrFail(event, async () => {
		const { tenant, coacheeId } = whose(event);
		return { choices: await serverCaller(event).assessments.assignChoices({ tenant, coacheeId }) };
	});

/** "Assign": a template, or a title and coaching questions typed one per line; optional Due Date. */
export const assignActions = defineActions({
	assign: formAction({ templateId: 'optional', title: 'text', prompts: 'text', dueOn: 'optional' }, async (input, { api, event }) => {
		const { tenant, coacheeId, paths } = whose(event);
		const prompts = input.templateId ? [] : input.prompts.split(/\r?\n/);
		const { title } = await api.assessments.assign({ tenant, coacheeId, templateId: input.templateId, title: input.title, prompts, dueOn: input.dueOn });
		return finish(event, { message: `“${title}” assigned. They have been told by email and in Tandem.`, location: `/t/${tenant}${paths.list}` });
	})
});
