/**
 * The Engagements list's state lives in the address (?q, status, coach, coachee, page), so
 * links, back/forward and reloads show the same list. Read it here, write it with `listHref`.
 */
import { engagementStatuses, type EngagementStatus } from './schema';

export interface EngagementListQuery {
	q: string;
	status: EngagementStatus | '';
	/** A coach's id (admins). */
	coach: string;
	coachee: string;
	page: number;
}

const defaults: EngagementListQuery = { q: '', status: '', coach: '', coachee: '', page: 1 };
const id = (value: string | null) => (value ?? '').trim().slice(0, 64);

export function readListQuery(params: URLSearchParams, page: number): EngagementListQuery {
	const status = params.get('status');
	return {
		q: (params.get('q') ?? '').slice(0, 200),
		status: engagementStatuses.find((s) => s === status) ?? '',
		coach: id(params.get('coach')),
		coachee: id(params.get('coachee')),
		page
	};
}

export const hasFilters = (query: EngagementListQuery) => Boolean(query.q.trim() || query.status || query.coach || query.coachee);

/** The list's address for `query`, leaving out what is at its default. */
export function listHref(base: string, query: Partial<EngagementListQuery>): string {
	const full = { ...defaults, ...query };
	const params = new URLSearchParams();
	if (full.q.trim()) params.set('q', full.q);
	if (full.status) params.set('status', full.status);
	if (full.coach) params.set('coach', full.coach);
	if (full.coachee) params.set('coachee', full.coachee);
	if (full.page > 1) params.set('page', String(full.page));
	const search = params.toString();
	return search ? `${base}?${search}` : base;
}
