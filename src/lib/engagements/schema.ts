/**
 * Engagements and program templates (assign-and-manage-engagements.txt): the statuses, item
 * kinds, states and item contents that the server's services and the pages share.
 *
 * A program template keeps an ordered list of `ProgramItem`s as JSON. Making an engagement
 * copies each one into an `engagement_items` row (kind and title as columns, the rest as
 * `ItemDetails`), so editing or archiving the template later never changes an engagement.
 */
import { z } from 'zod';
import { assessmentKinds, assessmentQuestion } from '../assessments/schema';
import { calendarDate } from '../goals/schema';
import { clockTime, sessionFields } from '../sessions/schema';

export const engagementStatuses = ['draft', 'active', 'completed'] as const;
export type EngagementStatus = (typeof engagementStatuses)[number];
/** Draft: only admins see it. Active: the assigned coach sees it. Completed: done. */
export const engagementStatusLabels: Record<EngagementStatus, string> = {
	draft: 'Draft',
	active: 'Active',
	completed: 'Completed'
};

export const itemKinds = ['session', 'assessment', 'file', 'link'] as const;
export type ItemKind = (typeof itemKinds)[number];
export const itemKindLabels: Record<ItemKind, string> = {
	session: 'Coaching Session',
	assessment: 'Assessment',
	file: 'File',
	link: 'Link'
};

/** What staff see of an item (the article's "Item Status Colors"); the coachee sees `locked`
 * for an item not sent to them yet (StatusBadge kind "item"). */
export const itemStates = ['not_scheduled', 'scheduled', 'completed'] as const;
export type ItemState = (typeof itemStates)[number];
export const itemStateLabels: Record<ItemState | 'locked', string> = {
	not_scheduled: 'Not yet scheduled',
	scheduled: 'Scheduled',
	completed: 'Completed',
	locked: 'Locked'
};

export const sessionFormats = ['in_person', 'online'] as const;
export type SessionFormat = (typeof sessionFormats)[number];
export const sessionFormatLabels: Record<SessionFormat, string> = { in_person: 'In person', online: 'Online' };

/** The article's presets ("30mn - 60 mn or custom the time"). */
export const durationPresets = [30, 60] as const;
export const durationRange = { min: 5, max: 480 } as const;

const title = z.string().trim().min(1, 'Give the item a title.').max(200, 'Keep the title under 200 characters.');
/** Only web addresses a browser opens safely: no `javascript:` or `data:` links reach a coachee. */
export const webUrl = z
	.string()
	.trim()
	.max(2000, 'Keep the address under 2,000 characters.')
	.refine((value) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value) && URL.canParse(value), 'Enter a full web address that starts with https://');

// ---- What a program template's item holds (no dates: those belong to an engagement) --------

export const sessionContent = z.object({
	kind: z.literal('session'),
	title,
	durationMinutes: z.coerce
		.number()
		.int('Give the duration in whole minutes.')
		.min(durationRange.min, `A session lasts at least ${durationRange.min} minutes.`)
		.max(durationRange.max, `A session lasts at most ${durationRange.max / 60} hours.`),
	format: z.enum(sessionFormats),
	message: z.string().trim().max(2000, 'Keep the message under 2,000 characters.').default(''),
	/** "Allow coachee to schedule the session": the coachee picks the time from their portal. */
	coacheeSchedules: z.boolean().default(false)
});
export const assessmentContent = z.object({
	kind: z.literal('assessment'),
	title,
	/** A template of the assessments library (an assessment or a set of coaching questions). */
	assessmentTemplateId: z.string().min(1, 'Pick an assessment from the library.').max(64)
});
export const fileContent = z.object({
	kind: z.literal('file'),
	title,
	/** One of the tenant's files the author may see; each coachee gets a copy when it is sent. */
	fileId: z.string().min(1, 'Pick a file.').max(64)
});
export const linkContent = z.object({ kind: z.literal('link'), title, url: webUrl });

export const itemContent = z.discriminatedUnion('kind', [sessionContent, assessmentContent, fileContent, linkContent]);
export type ItemContent = z.output<typeof itemContent>;

/** A program template's item as stored: its content and an id that stays put when reordered. */
export const programItem = itemContent.and(z.object({ id: z.string().min(1).max(64) }));
export type ProgramItem = z.output<typeof programItem>;

// ---- What an engagement's item keeps (engagement_items.details) ----------------------------

/** A session on an engagement: the template's fields, where it happens, and, when the coachee
 * schedules it, the days they may pick from ("YYYY-MM-DD" in the coachee's zone). */
export interface SessionDetails {
	kind: 'session';
	durationMinutes: number;
	format: SessionFormat;
	/** An address (in person) or a meeting link (online). */
	location: string;
	message: string;
	coacheeSchedules: boolean;
	windowStartsOn?: string;
	windowEndsOn?: string;
}
/** The questions are copied when the item is made, so the library may change meanwhile. */
export interface AssessmentDetails {
	kind: 'assessment';
	assessmentTemplateId: string | null;
	assessmentKind: (typeof assessmentKinds)[number];
	questions: z.output<typeof assessmentQuestion>[];
}
export interface FileDetails {
	kind: 'file';
	/** The file sent: each coachee gets a copy of its bytes in their Files when it is sent. */
	sourceFileId: string;
	fileName: string;
}
export interface LinkDetails {
	kind: 'link';
	url: string;
}
export type ItemDetails = SessionDetails | AssessmentDetails | FileDetails | LinkDetails;

// ---- Inputs --------------------------------------------------------------------------------

const id = z.string().min(1).max(64);
export const engagementIdInput = z.object({ engagementId: id });
export const itemIdInput = z.object({ engagementId: id, itemId: id });
export const programIdInput = z.object({ programId: id });

// ---- The engagement page: its items' changes (engagementItems router) -----------------------

const message = z.string().trim().max(2000, 'Keep the message under 2,000 characters.').default('');
/** Checked against the session's format by the service: an address, or a meeting link. */
const location = z.string().trim().max(2000, 'Keep the location under 2,000 characters.').default('');
const at = { date: calendarDate('date'), time: clockTime };

/** How an item is scheduled: a session at a time (typed in the coachee's zone), a session the
 * coachee schedules within a window of days, or an assessment, file or link sent at a time or
 * now ("Send immediately"). */
export const itemSchedule = z.discriminatedUnion('mode', [
	z.object({ mode: z.literal('session'), ...at, location, message }),
	z.object({ mode: z.literal('window'), windowStartsOn: calendarDate('first day'), windowEndsOn: calendarDate('last day'), location, message }),
	z.object({ mode: z.literal('send'), ...at }),
	z.object({ mode: z.literal('now') })
]);
export type ItemSchedule = z.output<typeof itemSchedule>;
export type ScheduleMode = ItemSchedule['mode'];

/** The coachee's pick for a session left to them (in their own zone). */
export const ownSchedule = z.object(at);

/** Only not-yet-scheduled items move: the whole order, as the page shows it. */
export const itemOrder = z.object({ itemIds: z.array(id).min(1).max(500) });

/** "Associate a Record": a session log (`session:<id>`) or an answered assessment (`assessment:<id>`). */
export const recordRef = z
	.string({ error: 'Pick a record.' })
	.regex(/^(session|assessment):[^:]{1,64}$/, 'Pick a record from the list.')
	.transform((value) => {
		const [kind, recordId] = value.split(':') as ['session' | 'assessment', string];
		return { kind, recordId };
	});
export const associateInput = z.object({ record: recordRef });

/** "Log session": the Session Log's fields (Date and Time in the logger's own zone). */
export const logSessionInput = sessionFields;

/** Completed, or back to its state before ("Mark as not completed"). */
export const completedInput = z.object({ completed: z.boolean() });
// ---- The Engagements list, "+ New", status, sharing and spectators ---------------------------

export const engagementPageSize = 25;

export const engagementListInput = z.object({
	search: z.string().trim().max(200).optional(),
	status: z.enum(engagementStatuses).optional(),
	/** Admins: one coach's engagements. */
	coachId: id.optional(),
	coacheeId: id.optional(),
	page: z.number().int().min(1).max(10_000).default(1),
	pageSize: z.number().int().min(5).max(100).default(engagementPageSize)
});
export type EngagementListInput = z.output<typeof engagementListInput>;

/** What the wizard offers: coachees (searched), groups and coaches (admins), program templates. */
export const engagementChoicesInput = z.object({
	search: z.string().trim().max(200).optional(),
	/** The coachees already picked, so later steps can name them. */
	coacheeIds: z.array(id).max(500).default([])
});

const optionalText = z.string().trim().max(200, 'Keep the name under 200 characters.').optional();

/** The wizard's end: one engagement per coachee, made together. */
export const newEngagementInput = z.object({
	coacheeIds: z.array(id).max(500, 'Pick at most 500 coachees at once.').default([]),
	/** Admins: every coachee of a coachee group instead. */
	groupId: id.optional(),
	/** Admins pick the coach; a coach is always the coach of what they make. */
	coachId: id.optional(),
	programId: id.optional(),
	/** Defaults to the program template's name. */
	title: optionalText,
	/** Defaults to today in each coachee's zone. */
	startsOn: calendarDate('start date').optional(),
	endsOn: calendarDate('end date').optional(),
	/** Admins: Draft (the default) or Active; a coach's engagements are Active. */
	status: z.enum(['draft', 'active']).optional(),
	shared: z.boolean().default(false)
});
export type NewEngagement = z.output<typeof newEngagementInput>;

/** "Mark as Active", "Mark as Completed", and "Reopen" (Completed → Active). */
export const setStatusInput = engagementIdInput.extend({ status: z.enum(['active', 'completed']) });
/** "Share to Coachee" / "Stop sharing". */
export const setSharedInput = engagementIdInput.extend({ shared: z.boolean() });
/** The engagement's "Spectator": the authorized users who follow it. */
export const setSpectatorsInput = engagementIdInput.extend({ spectatorIds: z.array(id).max(200).default([]) });

/** The status menu's choices from each status, and who may make them (admins drafts). */
export function statusMoves(status: EngagementStatus, isAdmin: boolean): { to: 'active' | 'completed'; label: string }[] {
	if (status === 'draft') return isAdmin ? [{ to: 'active', label: 'Mark as Active' }] : [];
	if (status === 'active') return [{ to: 'completed', label: 'Mark as Completed' }];
	return [{ to: 'active', label: 'Reopen' }];
}
