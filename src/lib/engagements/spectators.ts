/** The "Spectator" dialog of an engagement opens in place through shallow routing (Back closes
 * it, like every dialog), under a key of its own: the list's Options and the button both open it. */
import { pushState } from '$app/navigation';

export const spectatorsKey = (engagementId: string) => `#spectators-${engagementId}`;

export function openSpectators(engagementId: string) {
	pushState('', { dialog: { href: spectatorsKey(engagementId), data: {} } });
}
