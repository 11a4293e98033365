/** A coachee's Files screens inside a workspace, for staff (profile) or the coachee (portal). */
import type { MenuItem } from '$lib/components';
import { filePaths } from './paths';

export function fileLinks(tenant: string, profileId: string | null) {
	const paths = filePaths(profileId);
	const base = `/t/${tenant}`;
	return {
		list: base + paths.list,
		newFiles: `${base}${paths.list}/new`,
		file: (fileId: string) => base + paths.file(fileId),
		download: (fileId: string) => `${base}${paths.file(fileId)}/download`
	};
}
export type FileLinks = ReturnType<typeof fileLinks>;

/** A file's Options: Download, and Delete for whoever may (asking once, saying what goes).
 * `sharedWith` names who else loses a shared file ("Jordan", "your coach"); `back` is the
 * page of the list to return to after a Delete. */
export function fileMenu(
	file: { id: string; name: string; mayDelete: boolean; visibility: string },
	links: FileLinks,
	{ sharedWith, onItsPage = false, back }: { sharedWith: string; onItsPage?: boolean; back?: string }
): MenuItem[] {
	const items: MenuItem[] = [
		...(onItsPage ? [] : [{ label: 'Open', icon: 'eye' as const, href: links.file(file.id) }]),
		{ label: 'Download', icon: 'download', href: links.download(file.id) }
	];
	if (file.mayDelete) {
		items.push({
			label: 'Delete',
			icon: 'trash',
			danger: true,
			separatorBefore: true,
			action: `${links.file(file.id)}?/delete`,
			...(back ? { fields: { back } } : {}),
			confirm: {
				title: `Delete “${file.name}”?`,
				description:
					file.visibility === 'shared'
						? `It goes for ${sharedWith} too, and its content with it. This cannot be undone.`
						: 'The file and its content go for good. This cannot be undone.',
				label: 'Delete file'
			}
		});
	}
	return items;
}
