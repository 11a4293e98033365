/**
 * Export Engagements: what a person asks for (filters and the shape of the file), shared
 * by the server and the pages.
 */
import { z } from 'zod';
import { engagementStatuses } from '../engagements/schema';
export { longJobStatuses as exportStatuses, type LongJobStatus as ExportStatus } from '../long-jobs/schema';

/** One row per engagement item, or one per engagement (its items summarised). */
export const exportShapes = ['item', 'engagement'] as const;
export type ExportShape = (typeof exportShapes)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-01.');

/** The filters of an export, as stored on its job row. */
export const exportFilters = z.object({
	/** Engagements starting on or after this day. */
	from: day.optional(),
	/** Engagements starting on or before this day. */
	to: day.optional(),
	coachId: z.string().min(1).optional(),
	coacheeId: z.string().min(1).optional(),
	status: z.enum(engagementStatuses).optional()
});
export type ExportFilters = z.infer<typeof exportFilters>;
