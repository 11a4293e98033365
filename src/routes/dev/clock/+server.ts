import { json } from '@sveltejs/kit';
import { moveDevClock } from '$lib/server/platform/dev-clock';
import { loadedDevClock } from './clock.server';
import type { RequestHandler } from './$types';

/** For tests (tests/e2e/pages.ts `advanceClock`): a form POST of `advance=2d` or `reset`
 * that does not ask for HTML answers `{ now, offsetMs }` (the page's forms get the page). */
export const POST: RequestHandler = async ({ locals, request }) => {
	const clock = await loadedDevClock(locals);
	const moved = await moveDevClock(clock, await request.formData());
	if ('error' in moved) return json(moved, { status: 400 });
	return json({ now: moved.now.toISOString(), offsetMs: clock.offsetMs() });
};
