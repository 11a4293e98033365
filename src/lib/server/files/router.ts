/**
 * Files over tRPC. Every procedure names a coachee (`coacheeProcedure`: the person must see
 * them) and a permission; the services show only the shared files and the person's own
 * private ones (records.ts), and let only the uploader (or an admin, a shared file) delete.
 */
import { fileIdInput, fileListInput, startUploadFields, uploadIdInput } from '../../files/schema';
import { coacheeProcedure } from '../coachees/record';
import { workContext } from '../goals/records';
import { router } from '../trpc/init';
import * as service from './service';
import * as uploads from './uploads';

type Ctx = Parameters<typeof workContext>[0] & { coachee: Parameters<typeof workContext>[1] };
const work = (ctx: Ctx) => workContext(ctx, ctx.coachee);

export const filesRouter = router({
	/** The Files tab (and the coachee's Files page): one page of 25. */
	list: coacheeProcedure('files.view').input(fileListInput).query(({ ctx, input }) => service.fileList(ctx, ctx.coachee, input)),
	/** A file's page: its preview and download links. */
	get: coacheeProcedure('files.view').input(fileIdInput).query(({ ctx, input }) => service.fileDetail(ctx, ctx.coachee, input.fileId)),
	/** Options > Download: a short-lived signed link. */
	download: coacheeProcedure('files.view').input(fileIdInput).query(({ ctx, input }) => service.downloadLink(ctx, ctx.coachee, input.fileId)),

	/** The key is no secret (the bucket is private; only signed links reach it): the form
	 * action of a browser without scripts puts the bytes there itself. */
	startUpload: coacheeProcedure('files.upload').input(startUploadFields).mutation(async ({ ctx, input }) => uploads.startUpload(await work(ctx), input)),
	finishUpload: coacheeProcedure('files.upload').input(uploadIdInput).mutation(async ({ ctx, input }) => uploads.finishUpload(await work(ctx), input.uploadId)),
	delete: coacheeProcedure('files.delete').input(fileIdInput).mutation(async ({ ctx, input }) => service.deleteFile(await work(ctx), input.fileId))
});
