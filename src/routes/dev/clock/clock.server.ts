import { error } from '@sveltejs/kit';
import type { DevClock } from '$lib/server/platform/dev-clock';

/** Dev tools only (hooks.server.ts closes /dev when they are off; this answers 404 too). The
 * offset is reloaded first: under workerd another isolate may have moved it. */
export async function loadedDevClock(locals: App.Locals): Promise<DevClock> {
	const clock = locals.platform.devClock;
	if (!clock) error(404, 'Not found');
	await clock.load();
	return clock;
}
