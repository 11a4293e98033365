import type { SelectOption } from '$lib/components';
import { statusInfo } from '$lib/components';
import { filterStatuses } from './query';

/** The status filter's choices, in the article's words (Active, Invited, Not invited). */
export const statusFilterOptions: SelectOption[] = filterStatuses.map((status) => ({ value: status, label: statusInfo(status).label }));
