/**
 * The Coaching Notepad: the notes the coach writes during a session, saved as they type
 * (each save carries a `revision` that only grows, so a late save never overwrites a newer
 * one), and the "Finish session" form that logs the session with those notes.
 */
import { z } from 'zod';
import { noteBody } from '../notes/schema';
import { sessionFields } from '../sessions/schema';

export const notepadSave = z.object({
	body: noteBody,
	/** The save's order: the browser's clock in milliseconds, never less than its last one. */
	revision: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)
});
export type NotepadSave = z.output<typeof notepadSave>;

/** Finish: the session log's fields, and the notes as they stand (absent without scripts:
 * the draft as last saved is used). */
export const notepadFinish = sessionFields.extend({
	body: noteBody.optional(),
	/** "Engagement session": the scheduled session item this log completes, if any. */
	engagementItemId: z.string().max(64).optional()
});
export type NotepadFinish = z.output<typeof notepadFinish>;

/** How long the Notepad waits after the last keystroke before saving. */
export const autosaveDelayMs = 1000;

/** The unsent copy kept on the device, per workspace, coach and coachee. */
export const unsentKey = (tenant: string, coachId: string, coacheeId: string) => `tandem:notepad:${tenant}:${coachId}:${coacheeId}`;
