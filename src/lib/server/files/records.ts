/**
 * A coachee's files as a person may reach them (DESIGN.md "Roles", files row): of the
 * coachees they reach (coachees/record.ts checks that), the shared files and the private
 * ones they uploaded themself. So an admin never sees another's private file, a coach sees
 * their own private ones and every shared one, and a coachee (whose uploads are always
 * shared) sees what is shared with them and what they shared. A file outside that is "not
 * found", whether it exists or not.
 */
import { and, eq, or } from 'drizzle-orm';
import { fullName } from '../auth/service';
import { files } from '../db/tenant/schema';
import { forbidden, notFound } from '../errors';
import type { WorkContext } from '../goals/records';
import type { TenantScope } from '../tenancy/scope';
import { can } from '../../permissions';

export type FileRow = typeof files.$inferSelect;

/** The files of `coacheeId` this person may see. */
export const visibleFiles = (scope: Pick<TenantScope, 'personId'>, coacheeId: string) =>
	and(eq(files.coacheeId, coacheeId), or(eq(files.visibility, 'shared'), eq(files.uploaderId, scope.personId)));

export const fileGone = (work: Pick<WorkContext, 'bySelf' | 'coachee'>) =>
	notFound(`That file is not among ${work.bySelf ? 'yours' : `${fullName(work.coachee)}’s`}. It may have been deleted; reload the page.`);

/** The uploader deletes their file; an admin may also delete a shared one (a file shared in
 * error, or one that must go), never another's private file, which they cannot see. */
export const mayDelete = (scope: Pick<TenantScope, 'personId' | 'roles'>, file: Pick<FileRow, 'uploaderId' | 'visibility'>) =>
	file.uploaderId === scope.personId || (file.visibility === 'shared' && can(scope.roles, 'files.deleteShared'));

export function ensureMayDelete(scope: TenantScope, file: FileRow) {
	if (!mayDelete(scope, file)) throw forbidden('Only the person who uploaded this file (or an admin) can delete it.');
}
