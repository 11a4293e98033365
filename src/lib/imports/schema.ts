/**
 * Bulk Create (Engagements > "+ New" > "Bulk Create"): the CSV's columns and the outcome of
 * each of its rows, shared by the server and the pages.
 */
export { longJobStatuses as importStatuses, type LongJobStatus as ImportStatus } from '../long-jobs/schema';

/** Each data row of the file ends as one of these, recorded once under (import, line). */
export const importRowOutcomes = ['created', 'rejected'] as const;
export type ImportRowOutcome = (typeof importRowOutcomes)[number];
