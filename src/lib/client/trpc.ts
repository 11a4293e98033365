/** The typed tRPC client the pages use; types come straight from the server's router. */
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '$lib/server/trpc/router';
import { maxBatchSize } from '$lib/trpc-limits';

export const api = createTRPCClient<AppRouter>({
	links: [httpBatchLink({ url: '/api/trpc', maxItems: maxBatchSize })]
});

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export interface ApiProblem {
	message: string;
	fieldErrors: Record<string, string[]>;
}

/** What a failed call means for a form: one message, and messages per field. */
export function problemOf(error: unknown): ApiProblem {
	if (error instanceof TRPCClientError) {
		const data = error.data as { fieldErrors?: Record<string, string[]> | null } | undefined;
		return { message: error.message, fieldErrors: data?.fieldErrors ?? {} };
	}
	return { message: 'Tandem could not be reached. Check your connection and try again.', fieldErrors: {} };
}
