/**
 * libSQL connector for Workers. `@libsql/client/web` speaks Hrana over HTTP(S) with `fetch`,
 * so it bundles into workerd without native code (the default entry would pull in the
 * Node/native build).
 *
 * Workers must not reuse I/O objects across requests ("Cannot perform I/O on behalf of a
 * different request"), so every call builds a new client from cached configuration. A
 * client holds no socket until its first query, so this costs an object allocation, not a
 * connection.
 */
import { createClient } from '@libsql/client/web';
import type { Client } from '@libsql/client';
import type { DatabaseConnector, DatabaseLocator } from '../ports';

export interface CloudflareConnectorConfig {
	controlUrl: string;
	controlToken: string;
}

type ClientFactory = (config: { url: string; authToken?: string }) => Client;

export function cloudflareConnector(
	config: CloudflareConnectorConfig,
	create: ClientFactory = createClient
): DatabaseConnector {
	if (!config.controlUrl) {
		throw new Error('CONTROL_DB_URL is not set: run `wrangler secret put CONTROL_DB_URL`.');
	}
	return {
		control(): Client {
			return create({ url: config.controlUrl, authToken: config.controlToken || undefined });
		},
		open(locator: DatabaseLocator): Client {
			if (locator.url.startsWith('file:')) {
				// A locator written by the local runtime leaked into production data.
				throw new Error(`Cannot open local database ${locator.url} from a Worker.`);
			}
			return create({ url: locator.url, authToken: locator.authToken ?? undefined });
		}
	};
}
