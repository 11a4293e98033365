/**
 * The page side of a form action (src/lib/server/forms.ts). Without JavaScript the form
 * posts natively and the page re-renders from `page.form`; with it, `use:enhance` submits in
 * place and the reply lands here. Either way the same getters give each field its typed value
 * and its server message, and the form-level message.
 *
 *   const form = new ActionForm('create');
 *   <form method="post" action="?/create" use:enhance={form.enhance()}>
 *     <Field name="email" value={form.value('email')} error={form.error('email')} />
 */
import { deserialize } from '$app/forms';
import { goto, invalidateAll } from '$app/navigation';
import { page } from '$app/state';
import type { ActionResult, SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';
import type { ActionFields, FormFailure, FormOutcome } from './types';

export interface EnhanceOptions {
	/** After a successful action that returned data (no redirect). */
	onSuccess?: (data: Record<string, unknown> | undefined) => void | Promise<void>;
	/** Instead of following a redirect (e.g. a dialog closes and toasts). */
	onRedirect?: (location: string) => void | Promise<void>;
	/** After a refusal is shown (e.g. reload the list when a row changed meanwhile). */
	onFailure?: (failure: FormFailure) => void | Promise<void>;
}

const unreachable = 'Tandem could not be reached. Check your connection and try again.';

export class ActionForm {
	pending = $state(false);
	/** The reply to the last enhanced submit; undefined until then (the page's `form` rules). */
	#reply = $state<FormFailure | null | undefined>(undefined);

	constructor(readonly name: string) {}

	get failure(): FormFailure | null {
		if (this.#reply !== undefined) return this.#reply;
		const reply = page.form as Partial<FormFailure> | null | undefined;
		return reply?.form === this.name && reply.fieldErrors ? (reply as FormFailure) : null;
	}

	get message(): string | null {
		return this.failure?.message ?? null;
	}

	error(field: string): string | undefined {
		return this.failure?.fieldErrors[field]?.[0];
	}

	/** What was typed in `field` before a refusal, else `fallback` (e.g. the record's value). */
	value(field: string, fallback = ''): string {
		const value = this.failure?.values[field];
		return typeof value === 'string' ? value : fallback;
	}

	checked(field: string, fallback = false): boolean {
		const value = this.failure?.values[field];
		return typeof value === 'boolean' ? value : fallback;
	}

	list(field: string, fallback: string[] = []): string[] {
		const value = this.failure?.values[field];
		return Array.isArray(value) ? value : fallback;
	}

	/** Forget the last reply (a dialog opened afresh). */
	clear() {
		this.#reply = null;
	}

	/** Shows a problem that came from elsewhere (e.g. a failed submitAction). */
	refuse(message: string) {
		this.#reply = { form: this.name, message, fieldErrors: {}, values: {} };
	}

	enhance(options: EnhanceOptions = {}): SubmitFunction {
		return () => {
			this.pending = true;
			return async ({ result, update, formElement }) => {
				this.pending = false;
				if (result.type === 'failure') {
					this.#reply = result.data as unknown as FormFailure;
					await focusFirstInvalid(formElement);
					await options.onFailure?.(this.#reply);
					return;
				}
				if (result.type === 'error') {
					this.refuse(result.error?.message ?? unreachable);
					return;
				}
				this.#reply = null;
				if (result.type === 'redirect' && options.onRedirect) return options.onRedirect(result.location);
				if (result.type === 'success' && options.onSuccess) {
					await options.onSuccess(result.data);
					await invalidateAll();
					return;
				}
				await update();
			};
		};
	}
}

/** After a refusal: the cursor goes to the first field the server flagged. */
export async function focusFirstInvalid(form: HTMLElement) {
	await tick();
	form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/**
 * Posts to a form action from script (an Options menu item, Undo), exactly as its no-JS
 * form would: a redirect is followed, a success reloads the page's data and hands back the
 * action's confirmation (src/lib/server/form-outcome.ts), a refusal comes back for the
 * caller to show.
 */
export async function submitAction(
	action: string,
	fields: ActionFields = {}
): Promise<{ ok: true; outcome: FormOutcome | null } | { ok: false; message: string }> {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
	}
	let result: ActionResult;
	try {
		const response = await fetch(action, { method: 'POST', body, headers: { accept: 'application/json', 'x-sveltekit-action': 'true' } });
		result = deserialize(await response.text());
	} catch {
		return { ok: false, message: unreachable };
	}
	if (result.type === 'failure') return { ok: false, message: (result.data as unknown as FormFailure | undefined)?.message ?? unreachable };
	if (result.type === 'error') return { ok: false, message: result.error?.message ?? unreachable };
	if (result.type === 'redirect') await goto(result.location, { invalidateAll: true });
	else await invalidateAll();
	return { ok: true, outcome: result.type === 'success' ? outcomeOf(result.data) : null };
}

export function outcomeOf(data: Record<string, unknown> | undefined): FormOutcome | null {
	return typeof data?.message === 'string' && typeof data.location === 'string' ? (data as unknown as FormOutcome) : null;
}
