/**
 * The one place where errors become tRPC answers. Domain errors keep their message and
 * field errors; a broken database constraint (two people saving the same thing at once)
 * becomes a 409 or 400 with a plain message; anything else reaches the client as a generic
 * message with a reference id, while the details stay in the server log under that id.
 */
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { constraintViolation, DomainError, domainErrorIn, type DomainErrorCode } from '../errors';

const trpcCodes: Record<DomainErrorCode, TRPCError['code']> = {
	invalid: 'BAD_REQUEST',
	unauthenticated: 'UNAUTHORIZED',
	forbidden: 'FORBIDDEN',
	not_found: 'NOT_FOUND',
	conflict: 'CONFLICT',
	rate_limited: 'TOO_MANY_REQUESTS'
};

export const internalErrorMessage = (reference: string) =>
	`Something went wrong on our side and nothing was saved. Try again; if it keeps happening, tell support the reference ${reference}.`;

/** A short id a person can quote, to find the logged details. */
export const errorReference = () => crypto.randomUUID().slice(0, 8);

export function toTRPCError(error: unknown, path?: string): TRPCError {
	const cause = error instanceof TRPCError && error.code === 'INTERNAL_SERVER_ERROR' ? (error.cause ?? error) : error;
	const domain = domainErrorIn(cause);
	if (domain) return new TRPCError({ code: trpcCodes[domain.code], message: domain.message, cause: domain });
	if (cause instanceof TRPCError) return cause;
	const constraint = constraintViolation(cause);
	if (constraint === 'unique') {
		return new TRPCError({ code: 'CONFLICT', message: 'This was just saved by someone else, or it already exists. Reload and check before trying again.' });
	}
	if (constraint) {
		return new TRPCError({ code: 'BAD_REQUEST', message: 'Something this refers to no longer exists, or the request repeats itself. Reload and try again.' });
	}
	const reference = errorReference();
	console.error(`[${reference}] ${path ?? 'request'} failed:`, cause);
	return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: internalErrorMessage(reference) });
}

/** Field messages for forms: from a zod input error, or from a domain error. */
export function fieldErrorsOf(cause: unknown): Record<string, string[]> | null {
	if (cause instanceof ZodError) {
		const errors: Record<string, string[]> = {};
		for (const issue of cause.issues) {
			const field = issue.path.length ? String(issue.path[0]) : 'form';
			(errors[field] ??= []).push(issue.message);
		}
		return errors;
	}
	return cause instanceof DomainError ? cause.fieldErrors : null;
}
