/**
 * The Coaching Notepad over tRPC: a coach's own ('notes.manage'), about a coachee they see.
 * Finishing also logs a session, which every coach may do for their coachees.
 */
import { notepadFinish, notepadSave } from '../../notepad/schema';
import { coacheeProcedure } from '../coachees/record';
import { router } from '../trpc/init';
import * as service from './notepad';

export const notepadRouter = router({
	open: coacheeProcedure('notes.manage').query(({ ctx }) => service.openNotepad(ctx, ctx.coachee)),
	save: coacheeProcedure('notes.manage').input(notepadSave).mutation(({ ctx, input }) => service.saveNotepad(ctx, ctx.coachee, input)),
	finish: coacheeProcedure('notes.manage').input(notepadFinish).mutation(({ ctx, input }) => service.finishNotepad(ctx, ctx.coachee, input))
});
