/** The `?page=` of the paged lists (Actions, Notes, Session Logs, Files), read the same way. */
import { redirect } from '@sveltejs/kit';

/** The highest page any list accepts (the list inputs' `max`): past it reads as the first. */
export const maxPage = 10_000;

/** `?page=N`, a whole number from 1; anything else (a word, 0, 1.5, a page beyond any list) is the first page. */
export function pageParam(params: URLSearchParams): number {
	const page = Number(params.get('page'));
	return Number.isInteger(page) && page >= 1 && page <= maxPage ? page : 1;
}

/** A page past the end (after deleting or completing the last row of page 3): on to the last
 * page there is, keeping the rest of the address. */
export function leavePastEnd(url: URL, list: { shown: number; total: number; pageSize: number }) {
	if (list.shown > 0 || list.total === 0) return;
	const last = new URL(url);
	last.searchParams.set('page', String(Math.ceil(list.total / list.pageSize)));
	redirect(307, last.pathname + last.search);
}
