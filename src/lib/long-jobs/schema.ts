/**
 * Long work a person starts and watches (Bulk Create, Export; DESIGN.md "Jobs"): its state
 * lives in a job row of the tenant database that the page polls, advanced one queue
 * message (one chunk) at a time, so no Worker invocation runs long.
 */
import type { Tone } from '../components/types';

export const longJobStatuses = ['queued', 'running', 'finished', 'failed'] as const;
export type LongJobStatus = (typeof longJobStatuses)[number];

export const longJobStatusLabels: Record<LongJobStatus, string> = {
	queued: 'Waiting to start',
	running: 'In progress',
	finished: 'Finished',
	failed: 'Stopped'
};

/** The badge colour of each state, wherever a long job's state shows. */
export const longJobTones: Record<LongJobStatus, Tone> = { queued: 'grey', running: 'blue', finished: 'green', failed: 'red' };

/** Whether the page should keep polling. */
export const isUnderway = (status: LongJobStatus) => status === 'queued' || status === 'running';
