/**
 * The tenant's library of assessment templates: building, editing, archiving and deleting.
 * Admins and coaches use the library; a coach changes the templates they created, an admin
 * any (`assessments.editAnyTemplate`), so one coach's questionnaire never changes under
 * another's feet. A template that was ever assigned is archived instead of deleted: the
 * assignments keep their own copy of its questions and still compare with each other.
 */
import { and, eq, notExists, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { assessmentAssignments, assessmentTemplates } from '../db/tenant/schema';
import { conflict, DomainError, forbidden, notFound } from '../errors';
import type { TenantScope } from '../tenancy/scope';
import { storedQuestions, templateProblems, type templateFields } from '../../assessments/schema';
import { can } from '../../permissions';

type Fields = z.output<typeof templateFields>;
type Template = typeof assessmentTemplates.$inferSelect;

/** Who may change a template: its author, or an admin. */
export const mayEditTemplate = (scope: Pick<TenantScope, 'roles' | 'personId'>, template: Pick<Template, 'createdBy'>) =>
	can(scope.roles, 'assessments.editAnyTemplate') || template.createdBy === scope.personId;

/** The template's stored shape, or a refusal naming every question that needs work. */
function checked(fields: Fields) {
	const questions = storedQuestions(fields);
	const problems = templateProblems(questions);
	if (Object.keys(problems).length) throw new DomainError('invalid', 'Check the highlighted questions. Nothing was saved.', problems);
	return { kind: fields.kind, title: fields.title, description: fields.description, questions };
}

export const missingTemplate = () => notFound('That template is not in the library. It may have been deleted.');

export async function findTemplate(scope: TenantScope, templateId: string): Promise<Template> {
	const [template] = await scope.db.select().from(assessmentTemplates).where(eq(assessmentTemplates.id, templateId));
	if (!template) throw missingTemplate();
	return template;
}

async function editableTemplate(scope: TenantScope, templateId: string): Promise<Template> {
	const template = await findTemplate(scope, templateId);
	if (!mayEditTemplate(scope, template)) {
		throw forbidden(`Only whoever created “${template.title}”, or an admin, can change it. You can still assign it.`);
	}
	return template;
}

export async function createTemplate(scope: TenantScope, fields: Fields) {
	const id = crypto.randomUUID();
	const at = scope.platform.clock.now();
	await scope.db.insert(assessmentTemplates).values({ id, ...checked(fields), createdBy: scope.personId, createdAt: at, updatedAt: at });
	return { id };
}

export async function updateTemplate(scope: TenantScope, templateId: string, fields: Fields) {
	const template = await editableTemplate(scope, templateId);
	await scope.db
		.update(assessmentTemplates)
		.set({ ...checked(fields), updatedAt: scope.platform.clock.now() })
		.where(eq(assessmentTemplates.id, template.id));
	return { id: template.id };
}

/** Archived templates leave the library's list and cannot be assigned; restoring brings them back. */
export async function setArchived(scope: TenantScope, templateId: string, archived: boolean) {
	const template = await editableTemplate(scope, templateId);
	const at = scope.platform.clock.now();
	await scope.db
		.update(assessmentTemplates)
		.set({ archivedAt: archived ? at : null, updatedAt: at })
		.where(eq(assessmentTemplates.id, template.id));
	return { title: template.title };
}

const assignmentsOf = (scope: TenantScope, templateId: string) =>
	scope.db.select({ one: sql`1` }).from(assessmentAssignments).where(eq(assessmentAssignments.templateId, templateId));

/** Only a template no one was given: the check and the delete are one statement, so an
 * assignment made meanwhile keeps its template. */
export async function deleteTemplate(scope: TenantScope, templateId: string) {
	const template = await editableTemplate(scope, templateId);
	const deleted = await scope.db
		.delete(assessmentTemplates)
		.where(and(eq(assessmentTemplates.id, template.id), notExists(assignmentsOf(scope, template.id))))
		.returning({ id: assessmentTemplates.id });
	if (!deleted.length) {
		throw conflict(`“${template.title}” has been assigned, so it can only be archived: the answers coachees gave keep their questions.`);
	}
	return { title: template.title };
}
