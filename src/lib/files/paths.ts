/**
 * Where a coachee's files live: the profile's Files tab for admins and coaches
 * (`/coachees/<id>/files`), "Files" in the coachee's own portal (`/files`). Paths are inside
 * the workspace; pages and emails put `/t/<slug>` in front.
 */
export function filePaths(coacheeId: string | null) {
	const base = coacheeId ? `/coachees/${coacheeId}/files` : '/files';
	return { list: base, file: (fileId: string) => `${base}/${fileId}` };
}
