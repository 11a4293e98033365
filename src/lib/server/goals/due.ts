import { addDays, startOfDayIn } from '../../time-zones';

/** When an action's due day ends for its coachee (the start of the next day in their zone):
 * stored with the action, so "overdue" is `due_at <= now` in SQL for any coachee. */
export const dueAtFor = (dueOn: string, zone: string): Date => startOfDayIn(addDays(dueOn, 1), zone);
