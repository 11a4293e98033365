/**
 * An engagement item as the engagement page receives it (engagementItems.page): whole for
 * staff and spectators, and for the coachee only what reached them.
 */
import type { ItemDetails, ItemKind, ItemState, SessionFormat } from './schema';

/** An item as staff and spectators see it. */
export interface StaffItem {
	id: string;
	kind: ItemKind;
	title: string;
	state: ItemState;
	scheduledAt: string | null;
	deliveredAt: string | null;
	deliveryError: string | null;
	details: ItemDetails;
	record: { kind: 'session' | 'assessment'; id: string; title: string } | null;
	/** "Log session": the Session Log's Date and Time in the viewer's zone, from the item. */
	logDefaults: { date: string; time: string } | null;
}

/** What the coachee may open of an item that reached them. */
export type OpenContent =
	| {
			kind: 'session';
			startsAt: string | null;
			durationMinutes: number;
			format: SessionFormat;
			location: string;
			message: string;
			window: { startsOn: string; endsOn: string } | null;
	  }
	| { kind: 'assessment'; assignmentId: string | null }
	| { kind: 'file'; fileId: string | null; fileName: string }
	| { kind: 'link'; url: string };

/** An item as the coachee sees it: a locked one carries nothing but its kind, title and when it opens. */
export interface CoacheeItem {
	id: string;
	kind: ItemKind;
	title: string;
	state: 'completed' | 'scheduled' | 'locked';
	/** A locked item's send day in the coachee's zone; null when it has no date yet. */
	opensOn: string | null;
	content: OpenContent | null;
}
