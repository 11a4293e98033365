/**
 * Export Engagements: what a person asks for (filters and the shape of the file), shared
 * by the server and the pages.
 */
import { z } from 'zod';
import { engagementStatusLabels, engagementStatuses } from '../engagements/schema';
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

export const exportShapeLabels: Record<ExportShape, string> = { item: 'Item', engagement: 'Engagement' };

/** "Export": the filters and the shape, as the form sends them. */
export const newExportInput = exportFilters
	.extend({ shape: z.enum(exportShapes) })
	.refine((input) => !input.from || !input.to || input.from <= input.to, { path: ['to'], message: 'The end of the range cannot be before its start.' });
export type NewExport = z.output<typeof newExportInput>;

export const exportIdInput = z.object({ exportId: z.string().min(1).max(64) });

/** How long a finished export can be downloaded. */
export const exportKeepDays = 7;

/** The filters in words, for the list of one's exports: "Active · coach Priya Shah · starting 2026-01-01 to 2026-03-31". */
export function describeFilters(filters: ExportFilters, names: { coach: string | null; coachee: string | null }): string {
	const parts = [
		filters.status && engagementStatusLabels[filters.status],
		filters.coachId && `coach ${names.coach ?? 'no longer here'}`,
		filters.coacheeId && `coachee ${names.coachee ?? 'no longer here'}`,
		startRange(filters)
	].filter(Boolean);
	const text = parts.join(' · ');
	return text ? text[0]!.toUpperCase() + text.slice(1) : 'All engagements';
}

function startRange({ from, to }: ExportFilters): string | undefined {
	if (from && to) return `starting ${from} to ${to}`;
	if (from) return `starting on or after ${from}`;
	if (to) return `starting on or before ${to}`;
	return undefined;
}
