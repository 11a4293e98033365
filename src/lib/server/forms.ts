/**
 * Every form is a SvelteKit form action that calls a procedure through the server caller,
 * so it works before hydration and without JavaScript, and `use:enhance` (ActionForm in
 * $lib/forms) makes it smooth when scripts run. A refusal comes back as a `fail()` naming
 * the form, with the server's field messages and what was typed (never secrets), so the page
 * re-renders the same form with everything in place.
 *
 *   export const actions = defineActions({
 *     create: formAction({ name: 'text', sendInvitation: 'checkbox' }, (input, { api }) => api.x.create(input))
 *   });
 */
import { fail, isHttpError, isRedirect, redirect, type RequestEvent } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { FormFailure, FormSuccess } from '../forms/types';
import { fieldErrorsOf } from './trpc/errors';
import { httpStatusOf, serverCaller } from './trpc/server-caller';

/** How one form field is read: `text` trimmed by the procedure's schema, `optional` is
 * undefined when empty, `secret` is never echoed back, `checkbox` is true when sent,
 * `list` is every value sent under the name (multi-select, checkbox groups). */
export type FieldKind = 'text' | 'optional' | 'secret' | 'checkbox' | 'list' | 'files';
export type FormSpec = Record<string, FieldKind>;
type ValueOf<K extends FieldKind> = K extends 'checkbox'
	? boolean
	: K extends 'list'
		? string[]
		: K extends 'files'
			? File[]
			: K extends 'optional'
				? string | undefined
				: string;
export type FormInput<S extends FormSpec> = { [K in keyof S]: ValueOf<S[K]> };

export interface ActionContext {
	api: ReturnType<typeof serverCaller>;
	event: RequestEvent;
}

type NamedAction = (name: string) => (event: RequestEvent) => Promise<unknown>;

export function readForm<S extends FormSpec>(spec: S, data: FormData): FormInput<S> {
	const input: Record<string, unknown> = {};
	for (const [field, kind] of Object.entries(spec)) {
		const raw = data.get(field);
		const text = typeof raw === 'string' ? raw : '';
		if (kind === 'checkbox') input[field] = raw !== null && text !== 'false';
		else if (kind === 'list') input[field] = data.getAll(field).filter((value): value is string => typeof value === 'string');
		// A file input left empty still sends one nameless, empty part.
		else if (kind === 'files') input[field] = data.getAll(field).filter((value): value is File => typeof value !== 'string' && (value.name !== '' || value.size > 0));
		else if (kind === 'optional') input[field] = text.trim() ? text : undefined;
		else input[field] = text;
	}
	return input as FormInput<S>;
}

/** What was typed, for the re-rendered form: everything but secrets. */
function echo(spec: FormSpec, input: Record<string, unknown>): FormFailure['values'] {
	const values: FormFailure['values'] = {};
	for (const [field, kind] of Object.entries(spec)) {
		if (kind === 'secret' || kind === 'files') continue; // files cannot be sent back
		const value = input[field];
		values[field] = value === undefined ? '' : (value as string | boolean | string[]);
	}
	return values;
}

/** One form's action. `run` may `redirect()` (the usual end of a no-JS form) or return
 * data for the page. `spec` may be read from the posted form, for forms whose fields depend
 * on the record (one field per question of an assessment). */
export function formAction<S extends FormSpec, R extends Record<string, unknown> | void>(
	spec: S | ((data: FormData) => S),
	run: (input: FormInput<S>, context: ActionContext) => Promise<R>
): NamedAction {
	return (name) => async (event) => {
		const data = await event.request.formData();
		const fields = typeof spec === 'function' ? spec(data) : spec;
		const input = readForm(fields, data);
		try {
			const result = await run(input, { api: serverCaller(event), event });
			return { form: name, ok: true, ...(result ?? {}) } satisfies FormSuccess;
		} catch (error) {
			if (isRedirect(error) || isHttpError(error) || !(error instanceof TRPCError)) throw error;
			if (error.code === 'UNAUTHORIZED') redirect(303, `/signin?redirectTo=${encodeURIComponent(event.url.pathname)}`);
			const fieldErrors = fieldErrorsOf(error.cause) ?? {};
			const message = error.cause instanceof ZodError || Object.keys(fieldErrors).length ? 'Check the highlighted fields.' : error.message;
			return fail(httpStatusOf(error), { form: name, message, fieldErrors, values: echo(fields, input) } satisfies FormFailure);
		}
	};
}

/** Names each action after its key, so a page with several forms knows whose reply it is. */
export function defineActions<A extends Record<string, NamedAction>>(actions: A) {
	return Object.fromEntries(Object.entries(actions).map(([name, action]) => [name, action(name)])) as {
		[K in keyof A]: ReturnType<A[K]>;
	};
}
