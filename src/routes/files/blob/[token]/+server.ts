/** The app's own signed file links (local runs and `npm run preview`): files/blob.ts. */
import { handleFileBlob } from '$lib/server/files/blob';
import type { RequestHandler } from './$types';

const handle: RequestHandler = ({ request, locals, params }) => handleFileBlob(request, locals.platform, params.token);

export const GET = handle;
export const HEAD = handle;
export const PUT = handle;
