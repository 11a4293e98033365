/**
 * Export Engagements over tRPC (`engagements.export`: admins and coaches): the Export page,
 * starting an export, one export's progress, and its download link. Each export is its
 * requester's alone (service.ts).
 */
import { z } from 'zod';
import { exportIdInput, newExportInput } from '../../exports/schema';
import { router } from '../trpc/init';
import { permitted } from '../trpc/procedures';
import * as service from './service';

const exporting = permitted('engagements.export');

export const exportsRouter = router({
	page: exporting.input(z.object({ coacheeId: z.string().max(64).optional() })).query(({ ctx, input }) => service.exportPage(ctx, input.coacheeId)),
	start: exporting.input(newExportInput).mutation(({ ctx, input }) => service.startExport(ctx, input)),
	get: exporting.input(exportIdInput).query(({ ctx, input }) => service.getExport(ctx, input.exportId)),
	downloadLink: exporting.input(exportIdInput).mutation(({ ctx, input }) => service.downloadLink(ctx, input.exportId))
});
