/**
 * The coachee list's state lives in the URL (?q, status, coach, sort, dir, page): links,
 * back/forward and reloads all show the same list. Read it here, write it with `listHref`.
 */
import type { RouterInputs } from '$lib/client/trpc';
import { coacheeSorts } from './schema';

type ListInput = RouterInputs['coachees']['list'];
export type CoacheeSort = NonNullable<ListInput['sort']>;
export type SortDir = 'asc' | 'desc';
export type FilterStatus = 'active' | 'invited' | 'not_invited';

export const filterStatuses = ['active', 'invited', 'not_invited'] as const satisfies readonly NonNullable<ListInput['status']>[];

/** Rows per page. */
export const pageSize = 25;

export interface CoacheeListQuery {
	/** The search text as typed (the server trims it). */
	q: string;
	status: FilterStatus | '';
	/** Coach id (admins only). */
	coach: string;
	sort: CoacheeSort;
	dir: SortDir;
	page: number;
}

export const defaultQuery: CoacheeListQuery = { q: '', status: '', coach: '', sort: 'name', dir: 'asc', page: 1 };

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
	values.find((v) => v === value);

export function readListQuery(params: URLSearchParams, isAdmin: boolean): CoacheeListQuery {
	const page = Number.parseInt(params.get('page') ?? '', 10);
	return {
		q: (params.get('q') ?? '').slice(0, 200),
		status: oneOf(filterStatuses, params.get('status')) ?? '',
		coach: isAdmin ? (params.get('coach') ?? '').trim().slice(0, 64) : '',
		sort: oneOf(coacheeSorts, params.get('sort')) ?? defaultQuery.sort,
		dir: oneOf(['asc', 'desc'] as const, params.get('dir')) ?? defaultQuery.dir,
		page: Number.isFinite(page) && page >= 1 ? page : 1
	};
}

/** The API input for a list query. */
export function listInput(tenant: string, query: CoacheeListQuery): ListInput {
	return {
		tenant,
		search: query.q.trim() || undefined,
		status: query.status || undefined,
		coachId: query.coach || undefined,
		sort: query.sort,
		dir: query.dir,
		page: query.page,
		pageSize
	};
}

export const hasFilters = (query: CoacheeListQuery) => Boolean(query.q.trim() || query.status || query.coach);

/** The list's URL for `query`, leaving out whatever is at its default. */
export function listHref(base: string, query: Partial<CoacheeListQuery>): string {
	const full = { ...defaultQuery, ...query };
	const params = new URLSearchParams();
	if (full.q.trim()) params.set('q', full.q);
	if (full.status) params.set('status', full.status);
	if (full.coach) params.set('coach', full.coach);
	if (full.sort !== defaultQuery.sort || full.dir !== defaultQuery.dir) {
		params.set('sort', full.sort);
		params.set('dir', full.dir);
	}
	if (full.page > 1) params.set('page', String(full.page));
	const search = params.toString();
	return search ? `${base}?${search}` : base;
}
