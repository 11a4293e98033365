import { router } from '../trpc/init';
import { permitted } from '../trpc/procedures';
import { createFeedLink, feedStatus, revokeFeedLink } from './calendar-feed';

/** One's own calendar feed link: only ever the caller's own row (calendar-feed.ts). */
export const calendarRouter = router({
	feed: permitted('calendar.feed').query(({ ctx }) => feedStatus(ctx)),
	createLink: permitted('calendar.feed').mutation(({ ctx }) => createFeedLink(ctx)),
	revokeLink: permitted('calendar.feed').mutation(({ ctx }) => revokeFeedLink(ctx))
});
