/**
 * Program templates over tRPC (`programs.library`: admins and coaches). Who may change which
 * template (the firm's library: admins; a coach's own: that coach) is the service's check,
 * so a coach can still read and duplicate the firm's templates.
 */
import { z } from 'zod';
import { router } from '../trpc/init';
import { permitted } from '../trpc/procedures';
import * as programs from './service';
import { programIdInput } from '../../engagements/schema';
import { programFields, programListInput } from '../../programs/schema';

const library = permitted('programs.library');

export const programsRouter = router({
	list: library.input(programListInput).query(({ ctx, input }) => programs.list(ctx, input)),
	get: library.input(programIdInput).query(({ ctx, input }) => programs.get(ctx, input.programId)),
	/** What the builder of a new template offers. */
	choices: library.query(({ ctx }) => programs.choices(ctx)),
	create: library.input(programFields).mutation(({ ctx, input }) => programs.create(ctx, input)),
	update: library.input(programFields.extend(programIdInput.shape)).mutation(({ ctx, input }) => programs.update(ctx, input.programId, input)),
	duplicate: library.input(programIdInput).mutation(({ ctx, input }) => programs.duplicate(ctx, input.programId)),
	archive: library.input(programIdInput.extend({ archived: z.boolean() })).mutation(({ ctx, input }) => programs.setArchived(ctx, input.programId, input.archived))
});
