/**
 * What a shared file does around it: a line on the coachee's Activity Summary and a
 * notification (in-app, and email as the recipient chose) to the other party: the coachee
 * when their coach or an admin shares a file, the coach when the coachee shares one. A
 * private file says nothing to anyone: not even its name may reach another person.
 */
import { activityStatements } from '../activity/service';
import { notify } from '../notifications/service';
import type { WorkContext } from '../goals/records';
import { filePaths } from '../../files/paths';
import { familyOf, formatSize, type FileVisibility } from '../../files/schema';

interface SharedFile {
	id: string;
	name: string;
	contentType: string;
	size: number;
	visibility: FileVisibility;
}

/** The Activity Summary statements, for the upload's own batch. */
export function fileActivity(work: WorkContext, file: SharedFile, actor: string, at: Date) {
	if (file.visibility !== 'shared') return [];
	return activityStatements(work.scope.db, { personId: work.coachee.id, actorId: work.scope.personId, kind: 'file', summary: `${actor} shared the file “${file.name}”` }, at);
}

export async function announceFile(work: WorkContext, file: SharedFile, actor: string) {
	if (file.visibility !== 'shared') return;
	const { scope, coachee } = work;
	const title = `${actor} shared the file “${file.name}”`;
	const body = `${familyOf(file.contentType)}, ${formatSize(file.size)}. Open it in Tandem to preview or download it.`;
	if (work.bySelf) {
		if (coachee.coachId) await notify(scope, { recipientId: coachee.coachId, kind: 'coachee_file_shared', title, body, link: filePaths(coachee.id).file(file.id) });
		return;
	}
	await notify(scope, { recipientId: coachee.id, kind: 'file_shared_with_you', title, body, link: filePaths(null).file(file.id) });
}
