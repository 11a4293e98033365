import { csvDownloadHeaders } from '$lib/server/csv/write';
import { rejectedFileName, rejectedRowsCsv } from '$lib/server/imports/downloads';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { RequestHandler } from './$types';

/** "Download rejected rows (CSV)": the file's own header plus `Error`, ready to fix and upload again. */
export const GET: RequestHandler = async (event) => {
	const rejected = await loadOrFail(event, () => serverCaller(event).imports.rejectedRows({ tenant: event.params.tenant, importId: event.params.importId }));
	return new Response(rejectedRowsCsv(rejected), { headers: csvDownloadHeaders(rejectedFileName(rejected.fileName)) });
};
