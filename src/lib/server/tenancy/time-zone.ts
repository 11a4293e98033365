/**
 * Each person's time zone in a workspace: their due dates, "overdue" and "this week" are
 * counted in it, and their recurring actions are laid out on its calendar. Changing it also
 * moves the instant each of their actions' due day ends (actions.due_at), in the same batch.
 */
import { and, eq } from 'drizzle-orm';
import { actions, people } from '../db/tenant/schema';
import { dueAtFor } from '../goals/due';
import type { TenantScope } from './scope';

export async function setTimeZone(scope: TenantScope, timeZone: string) {
	const { db } = scope;
	const days = await db.selectDistinct({ dueOn: actions.dueOn }).from(actions).where(eq(actions.coacheeId, scope.personId));
	await db.batch([
		db.update(people).set({ timeZone }).where(eq(people.id, scope.personId)),
		...days.map(({ dueOn }) =>
			db
				.update(actions)
				.set({ dueAt: dueAtFor(dueOn, timeZone) })
				.where(and(eq(actions.coacheeId, scope.personId), eq(actions.dueOn, dueOn)))
		)
	]);
	return { timeZone };
}
