import { initTRPC } from '@trpc/server';
import { ZodError } from 'zod';
import type { Context } from './context';
import { fieldErrorsOf, toTRPCError } from './errors';

export const t = initTRPC.context<Context>().create({
	errorFormatter({ shape, error }) {
		const fieldErrors = fieldErrorsOf(error.cause);
		return {
			...shape,
			message: error.cause instanceof ZodError ? 'Check the highlighted fields.' : shape.message,
			// Never the stack, never the cause: only what toTRPCError chose to say.
			data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, fieldErrors }
		};
	}
});

/** Every procedure starts here: whatever a service throws leaves as a mapped error. */
const mapErrors = t.middleware(async ({ next, path }) => {
	const result = await next();
	if (!result.ok) throw toTRPCError(result.error, path);
	return result;
});

export const router = t.router;
export const baseProcedure = t.procedure.use(mapErrors);
export const createCallerFactory = t.createCallerFactory;
