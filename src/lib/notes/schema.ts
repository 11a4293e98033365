/**
 * Private notes (manage-your-coachees.txt, "Notes"): the inputs and words the router, the
 * services and the Notes tab share. Form fields carry these names, so a refusal's message
 * lands under the field that caused it.
 */
import { z } from 'zod';
import { singleLine } from '../validation';

const id = z.string().min(1).max(64);

export const noteBodyMax = 50_000;

export const noteTitle = singleLine(z.string().trim().min(1, 'Enter the title.').max(200, 'The title can be at most 200 characters.'));
export const noteBody = z.string().max(noteBodyMax, `A note can be at most ${noteBodyMax.toLocaleString('en-GB')} characters.`);

export const noteFields = z.object({ title: noteTitle, body: noteBody.trim().min(1, 'Write the note.') });
export type NoteFields = z.output<typeof noteFields>;

export const noteIdInput = z.object({ noteId: id });

export const notesPageSize = 25;

export const noteListInput = z.object({
	/** Words to find in the title or the note. */
	q: z.string().trim().max(200).default(''),
	page: z.number().int().min(1).max(10_000).default(1),
	pageSize: z.number().int().min(1).max(100).default(notesPageSize)
});
export type NoteListQuery = z.output<typeof noteListInput>;

/** What the Notes tab tells anyone who reaches it, in a few words. */
export const notesArePrivate = 'Notes are private to the coach who writes them: no one else, not an admin, not the coachee, ever reads them.';
