/**
 * Notes over tRPC: only a coach keeps notes ('notes.manage'), only about a coachee they see
 * (`coacheeProcedure`), and every query names them as the author (notes.ts).
 */
import { noteFields, noteIdInput, noteListInput } from '../../notes/schema';
import { coacheeProcedure } from '../coachees/record';
import { router } from '../trpc/init';
import * as service from './notes';

const notesProcedure = coacheeProcedure('notes.manage');

export const notesRouter = router({
	/** The Notes tab: `q` searches title and note, 25 a page. */
	list: notesProcedure.input(noteListInput).query(({ ctx, input }) => service.listNotes(ctx, ctx.coachee, input)),
	get: notesProcedure.input(noteIdInput).query(({ ctx, input }) => service.getNote(ctx, ctx.coachee, input.noteId)),
	create: notesProcedure.input(noteFields).mutation(({ ctx, input }) => service.createNote(ctx, ctx.coachee, input)),
	update: notesProcedure
		.input(noteFields.extend(noteIdInput.shape))
		.mutation(({ ctx, input }) => service.updateNote(ctx, ctx.coachee, input.noteId, input)),
	delete: notesProcedure.input(noteIdInput).mutation(({ ctx, input }) => service.deleteNote(ctx, ctx.coachee, input.noteId))
});
