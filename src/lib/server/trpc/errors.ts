/** Errors a person can act on. Field errors reach forms under the field they belong to. */
import { TRPCError } from '@trpc/server';

export type FieldErrors = Record<string, string[]>;

export class FieldErrorsCause extends Error {
	constructor(readonly fieldErrors: FieldErrors) {
		super(Object.values(fieldErrors).flat().join(' '));
	}
}

export function fieldError(field: string, message: string, code: 'BAD_REQUEST' | 'CONFLICT' = 'BAD_REQUEST'): TRPCError {
	return new TRPCError({ code, message, cause: new FieldErrorsCause({ [field]: [message] }) });
}

export const badRequest = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });
export const forbidden = (message: string) => new TRPCError({ code: 'FORBIDDEN', message });
export const notFound = (message: string) => new TRPCError({ code: 'NOT_FOUND', message });
export const conflict = (message: string) => new TRPCError({ code: 'CONFLICT', message });
export const unauthorized = (message = 'Sign in to continue.') => new TRPCError({ code: 'UNAUTHORIZED', message });
export const tooManyRequests = (message: string) => new TRPCError({ code: 'TOO_MANY_REQUESTS', message });
