/**
 * Assessments and coaching questions over tRPC. The library is the workspace's
 * (`assessments.library`: admins and coaches); everything given to a coachee names that
 * coachee (`coacheeProcedure`: the person must see them) and is looked up with their id.
 */
import { z } from 'zod';
import {
	assignFields,
	assignmentIdInput,
	saveAnswersInput,
	templateFields,
	templateIdInput
} from '../../assessments/schema';
import { coacheeProcedure } from '../coachees/record';
import { workContext } from '../goals/records';
import { router } from '../trpc/init';
import { permitted } from '../trpc/procedures';
import * as assignments from './assignments';
import * as reads from './reads';
import * as templates from './templates';

const libraryInput = z.object({ search: z.string().trim().max(200).optional(), archived: z.boolean().default(false) });
const compareInput = templateIdInput.extend({ first: z.string().max(64).optional(), second: z.string().max(64).optional() });

export const assessmentsRouter = router({
	/** The library (Assessments in the left navigation). */
	library: permitted('assessments.library').input(libraryInput).query(({ ctx, input }) => reads.library(ctx, input)),
	template: permitted('assessments.library').input(templateIdInput).query(({ ctx, input }) => reads.template(ctx, input.templateId)),
	createTemplate: permitted('assessments.library').input(templateFields).mutation(({ ctx, input }) => templates.createTemplate(ctx, input)),
	updateTemplate: permitted('assessments.library')
		.input(templateFields.extend(templateIdInput.shape))
		.mutation(({ ctx, input }) => templates.updateTemplate(ctx, input.templateId, input)),
	archiveTemplate: permitted('assessments.library')
		.input(templateIdInput.extend({ archived: z.boolean() }))
		.mutation(({ ctx, input }) => templates.setArchived(ctx, input.templateId, input.archived)),
	deleteTemplate: permitted('assessments.library').input(templateIdInput).mutation(({ ctx, input }) => templates.deleteTemplate(ctx, input.templateId)),

	/** The profile's Assessments tab, and the coachee's own list. */
	list: coacheeProcedure('assessments.view').query(({ ctx }) => reads.assignments(ctx, ctx.coachee)),
	get: coacheeProcedure('assessments.view').input(assignmentIdInput).query(({ ctx, input }) => reads.assignment(ctx, ctx.coachee, input.assignmentId)),
	compare: coacheeProcedure('assessments.view').input(compareInput).query(({ ctx, input }) => reads.comparison(ctx, ctx.coachee, input)),
	assignChoices: coacheeProcedure('assessments.assign').query(({ ctx }) => reads.assignChoices(ctx, ctx.coachee)),
	assign: coacheeProcedure('assessments.assign')
		.input(assignFields)
		.mutation(async ({ ctx, input }) => assignments.assign(await workContext(ctx, ctx.coachee), input)),
	/** "Save draft" and "Submit". */
	answer: coacheeProcedure('assessments.answer')
		.input(saveAnswersInput)
		.mutation(async ({ ctx, input }) => assignments.saveAnswers(await workContext(ctx, ctx.coachee), input.assignmentId, input.answers, input.submit))
});
