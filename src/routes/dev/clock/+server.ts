import { json } from '@sveltejs/kit';
import { moveDevClock, type DevClock } from '$lib/server/platform/dev-clock';
import { loadedDevClock } from './clock.server';
import type { RequestHandler } from './$types';

const timeOf = (clock: DevClock) => ({ now: clock.now().toISOString(), offsetMs: clock.offsetMs() });

/** For tests and curl, whatever does not ask for HTML (a browser gets the page): the app's
 * time as `{ now, offsetMs }`. */
export const GET: RequestHandler = async ({ locals }) => json(timeOf(await loadedDevClock(locals)));

/** A form POST of `advance=2d` (or 3h, 90m) or `reset` (tests/e2e/pages.ts `advanceClock`):
 * the app's new time, or 400 with `{ error }`. */
export const POST: RequestHandler = async ({ locals, request }) => {
	const clock = await loadedDevClock(locals);
	const moved = await moveDevClock(clock, await request.formData());
	if ('error' in moved) return json(moved, { status: 400 });
	return json(timeOf(clock));
};
