/** How workspaces are told apart wherever someone sees several (the top bar's switcher, the
 * account page), and what a person whose access was turned off is told. */

interface Listed {
	name: string;
	slug: string;
}

const sameName = (a: Listed, b: Listed) => a.name.trim().toLocaleLowerCase() === b.name.trim().toLocaleLowerCase();

/** The line under a workspace's name: the person's roles there and, when another listed
 * workspace has the same name, its address (which never changes, so it tells them apart). */
export function workspaceDetail(workspace: Listed & { roleLabel?: string }, listed: readonly Listed[]): string {
	const twin = listed.some((other) => other.slug !== workspace.slug && sameName(other, workspace));
	return [workspace.roleLabel, twin ? `/t/${workspace.slug}` : null].filter(Boolean).join(' · ');
}

export const turnedOffMessage = (workspaceName: string) =>
	`Your access to ${workspaceName} was turned off by an admin. Ask an admin of ${workspaceName} to reactivate you.`;

/** Coaches, Groups and Members belong to organisations; in an independent coach's workspace they are not there. */
export const notInSoloWorkspace =
	"There's nothing here: an independent coach's workspace has no other members, coaches or groups to manage.";
