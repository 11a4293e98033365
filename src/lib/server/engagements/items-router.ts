/**
 * The engagement page over tRPC (`engagementItems`): everyone it is visible to reads it
 * ('engagements.view', then engagements/access.ts decides which and how much); those who
 * manage it change its items ('engagements.manage', and the engagement must be theirs); the
 * coachee picks the time of a session left to them ('engagements.scheduleOwn').
 */
import {
	associateInput,
	completedInput,
	engagementIdInput,
	itemContent,
	itemIdInput,
	itemOrder,
	itemSchedule,
	logSessionInput,
	ownSchedule
} from '../../engagements/schema';
import { permitted } from '../trpc/procedures';
import { router } from '../trpc/init';
import * as items from './items';
import { engagementPage } from './items-page';
import * as scheduling from './items-schedule';

const manage = permitted('engagements.manage');
const manageItem = manage.input(itemIdInput);
const own = permitted('engagements.scheduleOwn').input(itemIdInput);

// In this order the role matrix's rightful calls each find their item as they need it.
export const engagementItemsRouter = router({
	page: permitted('engagements.view')
		.input(engagementIdInput)
		.query(({ ctx, input }) => engagementPage(ctx, input.engagementId)),
	ownSession: own.query(({ ctx, input }) => scheduling.ownSession(ctx, input.engagementId, input.itemId)),
	reorder: manage
		.input(engagementIdInput)
		.input(itemOrder)
		.mutation(({ ctx, input }) => items.reorderItems(ctx, input.engagementId, input.itemIds)),
	update: manageItem.input(itemContent).mutation(({ ctx, input }) => items.updateItem(ctx, input.engagementId, input.itemId, input)),
	schedule: manageItem.input(itemSchedule).mutation(({ ctx, input }) => scheduling.scheduleItem(ctx, input.engagementId, input.itemId, input)),
	unschedule: manageItem.mutation(({ ctx, input }) => scheduling.unscheduleItem(ctx, input.engagementId, input.itemId)),
	markCompleted: manageItem.input(completedInput).mutation(({ ctx, input }) => items.markItemCompleted(ctx, input.engagementId, input.itemId, input.completed)),
	associate: manageItem.input(associateInput).mutation(({ ctx, input }) => items.associateRecord(ctx, input.engagementId, input.itemId, input.record)),
	logSession: manageItem.input(logSessionInput).mutation(({ ctx, input }) => items.logItemSession(ctx, input.engagementId, input.itemId, input)),
	duplicate: manageItem.mutation(({ ctx, input }) => items.duplicateItem(ctx, input.engagementId, input.itemId)),
	add: manage
		.input(engagementIdInput)
		.input(itemContent)
		.mutation(({ ctx, input }) => items.addItem(ctx, input.engagementId, input)),
	scheduleOwn: own.input(ownSchedule).mutation(({ ctx, input }) => scheduling.scheduleOwnSession(ctx, input.engagementId, input.itemId, input)),
	delete: manageItem.mutation(({ ctx, input }) => items.deleteItem(ctx, input.engagementId, input.itemId))
});
