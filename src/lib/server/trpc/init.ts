import { initTRPC } from '@trpc/server';
import { z, ZodError } from 'zod';
import type { Context } from './context';
import { FieldErrorsCause, type FieldErrors } from './errors';

function fieldErrorsOf(cause: unknown): FieldErrors | null {
	if (cause instanceof ZodError) {
		const { fieldErrors, formErrors } = z.flattenError(cause);
		const errors: FieldErrors = {};
		for (const [field, messages] of Object.entries(fieldErrors) as [string, string[] | undefined][]) {
			if (messages?.length) errors[field] = messages;
		}
		if (formErrors.length) errors.form = formErrors;
		return errors;
	}
	return cause instanceof FieldErrorsCause ? cause.fieldErrors : null;
}

export const t = initTRPC.context<Context>().create({
	errorFormatter({ shape, error }) {
		const fieldErrors = fieldErrorsOf(error.cause);
		return {
			...shape,
			message: fieldErrors && error.cause instanceof ZodError ? 'Check the highlighted fields.' : shape.message,
			data: { ...shape.data, stack: undefined, fieldErrors }
		};
	}
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
