/**
 * One-time confirmations ("Invitation sent to …") that survive the redirect after a form
 * action, with or without JavaScript: the action sets a short-lived cookie, the next page
 * load reads and clears it, and the root layout shows it.
 */
import type { Cookies } from '@sveltejs/kit';

const cookieName = 'tandem_flash';

export function flash(cookies: Cookies, message: string) {
	cookies.set(cookieName, message, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });
}

export function takeFlash(cookies: Cookies): string | null {
	const message = cookies.get(cookieName);
	if (!message) return null;
	cookies.delete(cookieName, { path: '/' });
	return message.slice(0, 300);
}
