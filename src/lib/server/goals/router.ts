/**
 * Goals & Milestones and Actions over tRPC. Every procedure names a coachee
 * (`coacheeProcedure`: the person must see them) and a permission; the services check the
 * record is that coachee's, and that a coachee changes only what they created.
 */
import { z } from 'zod';
import {
	actionFields,
	actionIdInput,
	actionListInput,
	commentFields,
	goalFields,
	goalIdInput,
	markInput,
	milestoneFields,
	milestoneIdInput,
	moveInput,
	newActionFields,
	progressSchema
} from '../../goals/schema';
import { coacheeProcedure } from '../coachees/record';
import { router } from '../trpc/init';
import * as actions from './actions';
import * as goals from './goals';
import * as reads from './reads';
import { workContext } from './records';

type Ctx = Parameters<typeof workContext>[0] & { coachee: Parameters<typeof workContext>[1] };
const work = (ctx: Ctx) => workContext(ctx, ctx.coachee);

export const goalsRouter = router({
	/** The Goals tab (and the coachee's Goals page). */
	board: coacheeProcedure('goals.view').query(({ ctx }) => reads.goalBoard(ctx, ctx.coachee)),
	/** "View Milestones". */
	goal: coacheeProcedure('goals.view').input(goalIdInput).query(({ ctx, input }) => reads.goalDetail(ctx, ctx.coachee, input.goalId)),
	milestoneChoices: coacheeProcedure('goals.view').query(({ ctx }) => reads.milestoneChoices(ctx, ctx.coachee)),

	create: coacheeProcedure('goals.create').input(goalFields).mutation(async ({ ctx, input }) => goals.createGoal(await work(ctx), input)),
	update: coacheeProcedure('goals.edit')
		.input(goalFields.extend(goalIdInput.shape))
		.mutation(async ({ ctx, input }) => goals.updateGoal(await work(ctx), input.goalId, input)),
	move: coacheeProcedure('goals.edit')
		.input(goalIdInput.extend(moveInput.shape))
		.mutation(async ({ ctx, input }) => goals.moveGoal(await work(ctx), input.goalId, input.direction)),
	mark: coacheeProcedure('goals.edit')
		.input(goalIdInput.extend(markInput.shape))
		.mutation(async ({ ctx, input }) => goals.markGoal(await work(ctx), input.goalId, input.complete)),

	createMilestone: coacheeProcedure('goals.create')
		.input(milestoneFields.extend(goalIdInput.shape))
		.mutation(async ({ ctx, input }) => goals.createMilestone(await work(ctx), input.goalId, input)),
	updateMilestone: coacheeProcedure('goals.edit')
		.input(milestoneFields.extend(milestoneIdInput.shape))
		.mutation(async ({ ctx, input }) => goals.updateMilestone(await work(ctx), input.milestoneId, input)),
	moveMilestone: coacheeProcedure('goals.edit')
		.input(milestoneIdInput.extend(moveInput.shape))
		.mutation(async ({ ctx, input }) => goals.moveMilestone(await work(ctx), input.milestoneId, input.direction)),
	markMilestone: coacheeProcedure('goals.edit')
		.input(milestoneIdInput.extend(markInput.shape))
		.mutation(async ({ ctx, input }) => goals.markMilestone(await work(ctx), input.milestoneId, input.complete)),
	deleteMilestone: coacheeProcedure('goals.edit')
		.input(milestoneIdInput)
		.mutation(async ({ ctx, input }) => goals.deleteMilestone(await work(ctx), input.milestoneId)),
	delete: coacheeProcedure('goals.edit').input(goalIdInput).mutation(async ({ ctx, input }) => goals.deleteGoal(await work(ctx), input.goalId))
});

export const actionsRouter = router({
	/** The Actions tab (and the coachee's Actions page). */
	list: coacheeProcedure('goals.view').input(actionListInput).query(({ ctx, input }) => reads.actionList(ctx, ctx.coachee, input)),
	get: coacheeProcedure('goals.view').input(actionIdInput).query(({ ctx, input }) => reads.actionDetail(ctx, ctx.coachee, input.actionId)),

	create: coacheeProcedure('goals.create').input(newActionFields).mutation(async ({ ctx, input }) => actions.createAction(await work(ctx), input)),
	update: coacheeProcedure('goals.edit')
		.input(actionFields.extend(actionIdInput.shape))
		.mutation(async ({ ctx, input }) => actions.updateAction(await work(ctx), input.actionId, input)),
	/** The progress slider. */
	setProgress: coacheeProcedure('goals.progress')
		.input(actionIdInput.extend({ progress: progressSchema }))
		.mutation(async ({ ctx, input }) => actions.setProgress(await work(ctx), input.actionId, input.progress)),
	comment: coacheeProcedure('goals.comment')
		.input(commentFields.extend(actionIdInput.shape))
		.mutation(async ({ ctx, input }) => actions.addComment(await work(ctx), input.actionId, input.body)),
	move: coacheeProcedure('goals.edit')
		.input(actionIdInput.extend(moveInput.shape))
		.mutation(async ({ ctx, input }) => actions.moveAction(await work(ctx), input.actionId, input.direction)),
	/** With `following`, a recurring action's later open occurrences go too and it stops repeating. */
	delete: coacheeProcedure('goals.edit')
		.input(actionIdInput.extend({ following: z.boolean().default(false) }))
		.mutation(async ({ ctx, input }) => actions.deleteAction(await work(ctx), input.actionId, input.following))
});
