import type { RequestHandler } from './$types';
import { handleTrpcRequest } from '$lib/server/trpc/http';

const handle: RequestHandler = (event) =>
	handleTrpcRequest(event.request, {
		platform: event.locals.platform,
		identity: event.locals.user ? { user: event.locals.user, workspaces: event.locals.workspaces } : null,
		scopes: event.locals.scopes,
		tenantBySlug: event.locals.tenantBySlug,
		clientAddress: event.getClientAddress()
	});

export const GET = handle;
export const POST = handle;
