/**
 * How completion rolls up (manage-your-coachees.txt, "Goals & Milestones"): an action is
 * complete at 100 %; a milestone when all its actions are complete; a goal when all its
 * milestones are. Progress is the mean of the children's progress. A milestone or goal with
 * no children is complete only when someone marked it so, and then counts as 100 %.
 *
 * Nothing of this is stored: it is computed from the children whenever it is read, so an
 * edit, a move, a reorder or a delete can never leave it stale. Milestones are summarised by
 * their actions' count, sum and number complete, which one grouped query gives.
 */

export interface Rollup {
	/** 0 to 100, not rounded (round for display). */
	progress: number;
	complete: boolean;
	/** Children, and how many of them are complete. */
	total: number;
	done: number;
}

export interface ActionSummary {
	/** How many actions, the sum of their progress, and how many are at 100 %. */
	count: number;
	progressSum: number;
	completeCount: number;
}

/** A parent with no children: complete (100 %) only when marked so. */
const emptyRollup = (marked: boolean): Rollup => ({ progress: marked ? 100 : 0, complete: marked, total: 0, done: 0 });

export function milestoneRollup(actions: ActionSummary, marked: boolean): Rollup {
	if (actions.count === 0) return emptyRollup(marked);
	return {
		progress: actions.progressSum / actions.count,
		complete: actions.completeCount === actions.count,
		total: actions.count,
		done: actions.completeCount
	};
}

export function goalRollup(milestones: readonly Rollup[], marked: boolean): Rollup {
	if (milestones.length === 0) return emptyRollup(marked);
	const done = milestones.filter((m) => m.complete).length;
	return {
		progress: milestones.reduce((sum, m) => sum + m.progress, 0) / milestones.length,
		complete: done === milestones.length,
		total: milestones.length,
		done
	};
}

/** The summary of a list of actions' progress values (for a milestone read whole). */
export function summarise(progress: readonly number[]): ActionSummary {
	return { count: progress.length, progressSum: progress.reduce((a, b) => a + b, 0), completeCount: progress.filter((p) => p >= 100).length };
}
