/** The loads and outcomes shared by the group pages (new, edit) and the groups list. */
import type { ActionContext } from '$lib/server/forms';

const pickSize = 10;

/** The first coachees, to tick before any search (the form works without scripts). */
export async function groupCandidates(api: ActionContext['api'], tenant: string) {
	const page = await api.coachees.list({ tenant, pageSize: pickSize });
	return { rows: page.rows.map(({ id, name, email, status }) => ({ id, name, email, status })), total: page.total };
}

export const membersText = (n: number) => (n === 1 ? '1 member' : `${n} members`);
