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

/** The message can never be handled (unknown type, or it does not match its type's
 * schema): retrying would only fill the dead-letter queue. */
export class UnprocessableJobError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UnprocessableJobError';
	}
}
