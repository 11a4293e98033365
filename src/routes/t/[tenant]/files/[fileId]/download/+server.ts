import { downloadFile } from '$lib/files/files-pages.server';
import type { RequestHandler } from './$types';

/** Options > Download: a redirect to a fresh, short-lived signed link. */
export const GET: RequestHandler = downloadFile;
