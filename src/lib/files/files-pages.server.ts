/**
 * The Files screens' server side, shared by the coach's view of a coachee's profile
 * (`/t/<slug>/coachees/<id>/files/...`) and the coachee's own portal (`/t/<slug>/files/...`):
 * each route re-exports a load and the actions from here.
 */
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { DomainError } from '$lib/server/errors';
import { backPath, finish, finishElsewhere } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';
import { putUploadBytes } from '$lib/server/files/uploads';
import { toTRPCError } from '$lib/server/trpc/errors';
import { leavePastEnd, pageParam } from '$lib/server/paging';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import { recordOwner } from '$lib/portal/record-owner.server';
import { filePaths } from './paths';
import type { FileVisibility } from './schema';

/** Whose files these are: the profile's coachee for staff, the signed-in coachee in their portal. */
export function filesOwner(event: RequestEvent) {
	const owner = recordOwner(event, 'Files');
	const paths = filePaths(owner.profileId);
	const base = `/t/${owner.tenant}`;
	return { ...owner, list: base + paths.list, file: (fileId: string) => base + paths.file(fileId) };
}

const of = (event: RequestEvent) => {
	const owner = filesOwner(event);
	return { owner, input: { tenant: owner.tenant, coacheeId: owner.coacheeId } };
};

/** The Files tab / "Your files": one page of 25. */
export async function loadFileList(event: RequestEvent) {
	const { owner, input } = of(event);
	const list = await loadOrFail(event, () => serverCaller(event).files.list({ ...input, page: pageParam(event.url.searchParams) }));
	leavePastEnd(event.url, { shown: list.files.length, total: list.total, pageSize: list.pageSize });
	return { profileId: owner.profileId, list };
}

/** "+ Files" as a page: nothing to read but who may choose the Permission Level. */
export function loadNewFiles(event: RequestEvent) {
	const owner = filesOwner(event);
	return { profileId: owner.profileId, coacheeId: owner.coacheeId, bySelf: owner.profileId === null };
}

/** A file's page: its preview and download links, fresh on every view. */
export async function loadFile(event: RequestEvent) {
	const { owner, input } = of(event);
	const detail = await loadOrFail(event, () => serverCaller(event).files.get({ ...input, fileId: event.params.fileId as string }));
	return { profileId: owner.profileId, detail };
}

/** Options > Download: a fresh signed link, after the permission check. */
export async function downloadFile(event: RequestEvent): Promise<never> {
	const { input } = of(event);
	const { url } = await loadOrFail(event, () => serverCaller(event).files.download({ ...input, fileId: event.params.fileId as string }));
	redirect(303, url);
}

const uploadedMessage = (names: string[]) => (names.length === 1 ? `“${names[0]}” uploaded.` : `${names.length} files uploaded.`);

/** Without scripts: the same three steps as the browser's, run here for each attached file.
 * Each file stands alone: one refused does not stop the others. */
const upload = formAction({ files: 'files', visibility: 'optional' }, async (input, { api, event }) => {
	const { owner, input: coachee } = of(event);
	const platform = event.locals.platform;
	const done: string[] = [];
	const refused: string[] = [];
	if (!input.files.length) throw toTRPCError(new DomainError('invalid', 'Attach at least one file.', { files: ['Attach at least one file.'] }));
	for (const file of input.files) {
		try {
			const started = await api.files.startUpload({ ...coachee, name: file.name, size: file.size, declaredType: file.type, visibility: (input.visibility ?? 'private') as FileVisibility });
			await putUploadBytes(platform, started, new Uint8Array(await file.arrayBuffer()));
			done.push((await api.files.finishUpload({ ...coachee, uploadId: started.uploadId })).name);
		} catch (cause) {
			if (!(cause instanceof TRPCError)) throw cause;
			refused.push(cause.message);
		}
	}
	if (refused.length) {
		const message = [...(done.length ? [uploadedMessage(done)] : []), ...refused].join(' ');
		throw toTRPCError(new DomainError('invalid', message, { files: [message] }));
	}
	return finish(event, { message: uploadedMessage(done), location: owner.list });
});

export const newFilesActions = defineActions({ upload });

/** The file's page (and the list's Options): Delete, always a redirect (the file's page is
 * gone), to the page of the list it was asked from. */
export const fileActions = defineActions({
	delete: formAction({ back: 'optional' }, async ({ back }, { api, event }) => {
		const { owner, input } = of(event);
		const { name } = await api.files.delete({ ...input, fileId: event.params.fileId as string });
		return finishElsewhere(event, { message: `“${name}” deleted.`, location: backPath(back, owner.list, owner.list) });
	})
});
