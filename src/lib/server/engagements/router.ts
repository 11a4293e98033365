/**
 * Engagements as a whole over tRPC: the list (every role, each seeing what access.ts lets
 * them), "+ New" with its choices, and the changes staff make from the list or the
 * engagement's page. Each service checks the engagement against `manageableEngagements`.
 */
import {
	engagementChoicesInput,
	engagementIdInput,
	engagementListInput,
	newEngagementInput,
	setSharedInput,
	setSpectatorsInput,
	setStatusInput
} from '../../engagements/schema';
import { router } from '../trpc/init';
import { permitted } from '../trpc/procedures';
import * as service from './engagements';

export const engagementsRouter = router({
	list: permitted('engagements.view').input(engagementListInput).query(({ ctx, input }) => service.listEngagements(ctx, input)),
	/** What "+ New" offers at each step. */
	choices: permitted('engagements.manage').input(engagementChoicesInput).query(({ ctx, input }) => service.engagementChoices(ctx, input)),
	create: permitted('engagements.manage').input(newEngagementInput).mutation(({ ctx, input }) => service.createEngagements(ctx, input)),
	setStatus: permitted('engagements.manage').input(setStatusInput).mutation(({ ctx, input }) => service.setEngagementStatus(ctx, input.engagementId, input.status)),
	setShared: permitted('engagements.manage').input(setSharedInput).mutation(({ ctx, input }) => service.setEngagementShared(ctx, input.engagementId, input.shared)),
	setSpectators: permitted('engagements.administer')
		.input(setSpectatorsInput)
		.mutation(({ ctx, input }) => service.setEngagementSpectators(ctx, input.engagementId, input.spectatorIds)),
	delete: permitted('engagements.manage').input(engagementIdInput).mutation(({ ctx, input }) => service.deleteEngagement(ctx, input.engagementId))
});
