/** Thrown by a job handler when the work should be tried again later. */
export class RetryableJobError extends Error {
	constructor(
		message: string,
		readonly delaySeconds?: number
	) {
		super(message);
		this.name = 'RetryableJobError';
	}
}
