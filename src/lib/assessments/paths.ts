/**
 * Where assessments live, inside the workspace (pages and emails put `/t/<slug>` in front):
 * the template library (`/assessments`, admins and coaches), a coachee's assignments under
 * their profile for staff (`/coachees/<id>/assessments`), and in the coachee's own portal
 * (`/assessments`, each one answered at `/assessments/answer/<id>`).
 */
export const libraryPaths = {
	library: '/assessments',
	newTemplate: '/assessments/new',
	template: (templateId: string) => `/assessments/${templateId}`
};

export interface AssignmentPaths {
	list: string;
	assignment(assignmentId: string): string;
	assign: string;
	compare(templateId: string): string;
}

/** `coacheeId` for the staff's view of that coachee; null for the coachee's own portal. */
export function assignmentPaths(coacheeId: string | null): AssignmentPaths {
	const base = coacheeId ? `/coachees/${coacheeId}/assessments` : '/assessments';
	return {
		list: base,
		assignment: (assignmentId) => (coacheeId ? `${base}/${assignmentId}` : `${base}/answer/${assignmentId}`),
		assign: `${base}/assign`,
		compare: (templateId) => `${base}/compare?template=${encodeURIComponent(templateId)}`
	};
}
