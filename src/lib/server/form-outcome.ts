/**
 * How a form action ends after a success. A form posted without JavaScript gets a redirect
 * with a flash confirmation (the page it lands on shows it); one posted from script
 * (`use:enhance`, `submitAction`) gets the confirmation and the destination as data, so a
 * dialog closes in place and toasts it (with "View profile" or "Undo") instead of leaving
 * the page. Both carry the same words.
 */
import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { FormOutcome } from '$lib/forms/types';
import { flash } from './flash';

/** SvelteKit's marker on form posts made by `use:enhance` (and by submitAction). */
const fromScript = (event: RequestEvent) => event.request.headers.get('x-sveltekit-action') === 'true';

export function finish(event: RequestEvent, outcome: FormOutcome): FormOutcome {
	if (fromScript(event)) return outcome;
	flash(event.cookies, outcome.message);
	redirect(303, outcome.location);
}

/** Like `finish`, but a redirect for scripts too: after a delete, the page the form was
 * posted from may no longer exist, so reloading it in place would show a 404. */
export function finishElsewhere(event: RequestEvent, outcome: FormOutcome): never {
	flash(event.cookies, outcome.message);
	redirect(303, outcome.location);
}

/**
 * Where a no-JS form goes back to (the list it was posted from, with its filters), taken
 * from a hidden `back` field. Only a path inside `within` is followed, so a crafted form
 * cannot send the person to another site or workspace; anything else gives `fallback`.
 */
export function backPath(back: string | undefined, within: string, fallback: string): string {
	if (!back || /[\\\s]/.test(back) || back.includes('//')) return fallback;
	const path = back.split(/[?#]/)[0];
	if (path.split('/').some((segment) => segment === '..' || segment === '.')) return fallback;
	return path === within || path.startsWith(`${within}/`) ? back : fallback;
}
