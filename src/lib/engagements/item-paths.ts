/**
 * The engagement page's item forms, each a route of its own under the engagement (opened as
 * a dialog over the page with scripts, as a page without). Schedule is the address the
 * coachee also uses to pick the time of a session left to them.
 */
import { engagementPaths } from './paths';
import type { ItemKind } from './schema';

const item = (engagementId: string, itemId: string) => `${engagementPaths.engagement(engagementId)}/items/${itemId}`;

export const itemPaths = {
	add: (engagementId: string) => `${engagementPaths.engagement(engagementId)}/items/new`,
	addKind: (engagementId: string, kind: ItemKind) => `${engagementPaths.engagement(engagementId)}/items/new?kind=${kind}`,
	edit: (engagementId: string, itemId: string) => `${item(engagementId, itemId)}/edit`,
	schedule: engagementPaths.scheduleSession,
	associate: (engagementId: string, itemId: string) => `${item(engagementId, itemId)}/associate`,
	log: (engagementId: string, itemId: string) => `${item(engagementId, itemId)}/log`
};
