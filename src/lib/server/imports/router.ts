/** Bulk Create over tRPC, for admins: the upload, and the pages' reads of past and running imports. */
import { importIdInput, importPageInput, startImportInput } from '../../imports/schema';
import { router } from '../trpc/init';
import { permitted } from '../trpc/procedures';
import * as service from './service';

const bulkCreate = permitted('engagements.bulkCreate');

export const importsRouter = router({
	start: bulkCreate.input(startImportInput).mutation(({ ctx, input }) => service.startImport(ctx, input)),
	recent: bulkCreate.query(({ ctx }) => service.recentImports(ctx)),
	get: bulkCreate.input(importPageInput).query(({ ctx, input }) => service.importPage(ctx, input)),
	rejectedRows: bulkCreate.input(importIdInput).query(({ ctx, input }) => service.rejectedRows(ctx, input.importId))
});
