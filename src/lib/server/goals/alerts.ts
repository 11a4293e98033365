/**
 * What happens around every change to a coachee's goals and actions (the "Alerts"):
 * a line on the coachee's Activity Summary, and a notification (in-app, and email as the
 * recipient chose) to the other party: the coach when the coachee acts, the coachee when
 * their coach or an admin does. A comment tells everyone on the action but its author.
 *
 * Changes to the same thing (an action's progress and details) carry a subject key, so a
 * burst of them is one notification, one email and one Activity line saying where it ended
 * (notifications/service.ts `notify`, activity/service.ts).
 */
import { activityStatements, type ActivityInput } from '../activity/service';
import type { NotificationKind } from '../notifications/kinds';
import { notify } from '../notifications/service';
import { workPaths } from '../../goals/paths';
import type { WorkContext } from './records';

export type WorkActivityKind = 'goal' | 'milestone' | 'action' | 'progress' | 'comment';

export interface WorkActivity {
	kind: WorkActivityKind;
	summary: string;
	/** Folds the same person's burst of this change into one line. */
	subjectKey?: string;
}

export interface WorkEvent {
	/** The notification's words, the same for whoever receives it. */
	title: string;
	body: string;
	/** Where the notification opens, given the recipient's own paths. */
	link: (paths: ReturnType<typeof workPaths>) => string;
	/** The kind the coach receives when the coachee acts (the coachee always gets `coach_changed_goals`). */
	coachKind: Extract<NotificationKind, 'coachee_goal_created' | 'coachee_action_created' | 'coachee_action_updated'>;
	/** Folds a burst of this event about the same thing into one notification. */
	subjectKey?: string;
}

/** The Activity Summary statements of an event, for the change's own batch. */
export function activityOf(work: WorkContext, activity: WorkActivity, at: Date) {
	const input: ActivityInput = { personId: work.coachee.id, actorId: work.scope.personId, ...activity };
	return activityStatements(work.scope.db, input, at);
}

/** Tells the other party. */
export async function announce(work: WorkContext, event: WorkEvent) {
	const { scope, coachee } = work;
	if (work.bySelf) {
		if (!coachee.coachId) return;
		await notify(scope, { recipientId: coachee.coachId, kind: event.coachKind, title: event.title, body: event.body, link: event.link(workPaths(coachee.id)), subjectKey: event.subjectKey });
		return;
	}
	if (coachee.id === scope.personId) return;
	await notify(scope, { recipientId: coachee.id, kind: 'coach_changed_goals', title: event.title, body: event.body, link: event.link(workPaths(null)), subjectKey: event.subjectKey });
}

/** A comment reaches the coachee and their coach, except whoever wrote it. */
export async function announceComment(work: WorkContext, comment: { title: string; body: string; actionId: string }) {
	const { scope, coachee } = work;
	const recipients = [
		{ id: coachee.id, paths: workPaths(null) },
		...(coachee.coachId ? [{ id: coachee.coachId, paths: workPaths(coachee.id) }] : [])
	].filter((recipient) => recipient.id !== scope.personId);
	for (const recipient of recipients) {
		await notify(scope, { recipientId: recipient.id, kind: 'action_comment', title: comment.title, body: comment.body, link: recipient.paths.action(comment.actionId) });
	}
}
