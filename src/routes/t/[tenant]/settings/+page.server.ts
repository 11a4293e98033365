import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** Admins manage the workspace's members; everyone else has only their own account. */
export const load: PageServerLoad = async ({ parent, params }) => {
	const { current } = await parent();
	redirect(303, current.roles.includes('admin') ? `/t/${params.tenant}/settings/members` : '/account');
};
