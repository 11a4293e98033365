/** One pattern for every form: submit through the API, keep what was typed, show the
 * server's messages under the fields they belong to. */
import { problemOf } from './trpc';

export class FormState {
	pending = $state(false);
	message = $state<string | null>(null);
	fieldErrors = $state<Record<string, string[]>>({});

	/** The first message for a field, for the Field component's `error` prop. */
	error(field: string): string | undefined {
		return this.fieldErrors[field]?.[0];
	}

	async submit<T>(action: () => Promise<T>): Promise<T | undefined> {
		this.pending = true;
		this.message = null;
		this.fieldErrors = {};
		try {
			return await action();
		} catch (error) {
			const problem = problemOf(error);
			this.fieldErrors = problem.fieldErrors;
			this.message = Object.keys(problem.fieldErrors).length ? 'Check the highlighted fields.' : problem.message;
			return undefined;
		} finally {
			this.pending = false;
		}
	}
}
