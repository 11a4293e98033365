import { fail, redirect } from '@sveltejs/kit';
import type { FormFailure } from '$lib/forms/types';
import { moveDevClock } from '$lib/server/platform/dev-clock';
import { loadedDevClock } from './clock.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Local runs only: the app's time, which the forms move forward or back to the machine's. */
export const load: PageServerLoad = async ({ locals }) => {
	const clock = await loadedDevClock(locals);
	return { now: clock.now().toISOString(), offsetMs: clock.offsetMs() };
};

async function move({ locals, request }: RequestEvent, form: 'advance' | 'reset') {
	const data = await request.formData();
	const moved = await moveDevClock(await loadedDevClock(locals), data);
	if ('error' in moved) {
		return fail(400, { form, message: moved.error, fieldErrors: { advance: [moved.error] }, values: { advance: String(data.get('advance') ?? '') } } satisfies FormFailure);
	}
	redirect(303, '/dev/clock');
}

export const actions: Actions = {
	advance: (event) => move(event, 'advance'),
	reset: (event) => move(event, 'reset')
};
