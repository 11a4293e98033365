import { error } from '@sveltejs/kit';
import { csvDownloadHeaders } from '$lib/server/csv/write';
import { templateCsv, templateFileName } from '$lib/server/imports/downloads';
import { workspaceOf } from '$lib/server/trpc/server-caller';
import { can } from '$lib/permissions';
import type { RequestHandler } from './$types';

/** "Download the template CSV": the same file for everyone who may bulk create, so it needs
 * no database (the membership the request already resolved says who may). */
export const GET: RequestHandler = (event) => {
	const workspace = workspaceOf(event);
	if (!workspace || !can(workspace.roles, 'engagements.bulkCreate')) error(404, 'Not found');
	return new Response(templateCsv(), { headers: csvDownloadHeaders(templateFileName) });
};
