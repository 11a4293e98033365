import type { RequestHandler } from './$types';
import { handleTrpcRequest } from '$lib/server/trpc/http';

const handle: RequestHandler = (event) =>
	handleTrpcRequest(event.request, {
		platform: event.locals.platform,
		user: event.locals.user,
		clientAddress: event.getClientAddress()
	});

export const GET = handle;
export const POST = handle;
