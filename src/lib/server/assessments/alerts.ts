/**
 * What people hear about assessments: the coachee when something is given to them to answer
 * (with the link to answer it), their coach when they submit (with the link to read it).
 * Each also leaves a line on the coachee's Activity Summary, written in the change's batch.
 */
import { fullName } from '../auth/service';
import { activityStatements } from '../activity/service';
import { notify } from '../notifications/service';
import type { WorkContext } from '../goals/records';
import { assessmentKindLabels, type AssessmentKind } from '../../assessments/schema';
import { assignmentPaths } from '../../assessments/paths';
import { formatDueDate } from '../../goals/dates';

interface Assigned {
	id: string;
	kind: AssessmentKind;
	title: string;
	dueOn: string | null;
}

const what = (assignment: Pick<Assigned, 'kind' | 'title'>) => `${assessmentKindLabels[assignment.kind].toLowerCase()} “${assignment.title}”`;

export function assessmentActivity(work: WorkContext, summary: string, at: Date) {
	return activityStatements(work.scope.db, { personId: work.coachee.id, actorId: work.scope.personId, kind: 'assessment', summary }, at);
}

export const assignedSummary = (assignment: Assigned, actor: string) => `${capitalised(what(assignment))} assigned by ${actor}`;
export const submittedSummary = (assignment: Assigned, coacheeName: string) => `${capitalised(what(assignment))} submitted by ${coacheeName}`;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export async function announceAssigned(work: WorkContext, assignment: Assigned, actor: string) {
	if (work.coachee.id === work.scope.personId) return;
	await notify(work.scope, {
		recipientId: work.coachee.id,
		kind: 'assessment_assigned',
		title: `${actor} gave you the ${what(assignment)} to answer`,
		body: assignment.dueOn
			? `Please answer it by ${formatDueDate(assignment.dueOn)}. You can save a draft and submit when you are ready.`
			: 'You can save a draft and submit when you are ready.',
		link: assignmentPaths(null).assignment(assignment.id)
	});
}

export async function announceSubmitted(work: WorkContext, assignment: Assigned) {
	const { coachee } = work;
	if (!coachee.coachId) return;
	await notify(work.scope, {
		recipientId: coachee.coachId,
		kind: 'assessment_submitted',
		title: `${fullName(coachee)} submitted the ${what(assignment)}`,
		body: 'Their answers are in the Assessments tab of their profile.',
		link: assignmentPaths(coachee.id).assignment(assignment.id)
	});
}
