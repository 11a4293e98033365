import { createClient, type Client } from '@libsql/client/node';
import type { DatabaseConnector, DatabaseLocator } from '../ports';

/** libSQL files on disk, or databases behind the local Turso double (`http:` locators, for
 * `npm run preview`). Node may keep clients open across requests, so they are cached. */
export function nodeConnector(control: DatabaseLocator): DatabaseConnector & { close(): void } {
	const clients = new Map<string, Client>();
	const open = (locator: DatabaseLocator) => {
		let client = clients.get(locator.url);
		if (!client) {
			client = createClient({ url: locator.url, authToken: locator.authToken ?? undefined });
			clients.set(locator.url, client);
		}
		return client;
	};
	return {
		control: () => open(control),
		open,
		close: () => {
			for (const client of clients.values()) client.close();
			clients.clear();
		}
	};
}
