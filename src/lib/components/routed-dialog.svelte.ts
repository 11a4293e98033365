/**
 * "New" and "Edit" modals that are also pages. The opener is a link to the form's own
 * route, which works before hydration and without JavaScript. With scripts, a plain click
 * loads that route's data and shows its form in a dialog over the current page through
 * shallow routing (https://svelte.dev/docs/kit/shallow-routing): the address bar shows the
 * form's URL, Back closes the dialog, and a reload opens the form as a page.
 */
import { goto, preloadData, pushState } from '$app/navigation';
import { page } from '$app/state';
import { tick } from 'svelte';

/** Opens the form route at `href` as a dialog; a route that does not load (gone, not
 * allowed) is visited instead, so its error page explains why. */
export async function openDialog(href: string) {
	const result = await preloadData(href);
	if (result.type === 'loaded' && result.status === 200) pushState(href, { dialog: { href, data: result.data } });
	else await goto(href);
}

/** `onclick` for a link to a form route: a plain click opens it in place; a click that
 * asks for a new tab or window keeps the browser's behaviour. */
export function opensDialog(event: MouseEvent & { currentTarget: HTMLAnchorElement }) {
	if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
	event.preventDefault();
	const link = event.currentTarget;
	void openDialog(link.pathname + link.search);
}

/** The loaded data of the form route open as a dialog at `href` (or at an address the
 * pattern matches, e.g. any row's `/edit`), or null while it is not open. `T` is that
 * route's PageData (import it from its `$types`). */
export function dialogData<T>(href: string | RegExp): T | null {
	const dialog = page.state.dialog;
	if (!dialog) return null;
	const path = dialog.href.split('?')[0];
	return (typeof href === 'string' ? path === href : href.test(path)) ? (dialog.data as T) : null;
}

/** Closes the dialog by going back to the page under it. Resolves once the router has
 * settled there, so a reload that follows (the list after a save) is not lost to it. */
export function closeDialog(): Promise<void> {
	return new Promise((resolve) => {
		addEventListener('popstate', () => void tick().then(resolve), { once: true });
		history.back();
	});
}
