/**
 * The platform for operator scripts (`db:migrate`, `tenants:rotate-tokens`). Locally it is
 * .data/; with CONTROL_DB_URL (and CONTROL_DB_TOKEN) it is a deployment's Turso databases,
 * reading each tenant's locator from the control plane and opening its token with
 * TENANT_TOKEN_KEYS (never the local data folder's key, which the Workers do not have).
 */
import { createClient } from '@libsql/client/node';
import { createLocalRuntime } from '../src/lib/server/platform/local';
import type { Platform } from '../src/lib/server/platform/ports';

export async function platformFromEnv(): Promise<{ platform: Platform; close(): void }> {
	const controlUrl = process.env.CONTROL_DB_URL;
	const runtime = await createLocalRuntime({
		dataDir: process.env.TANDEM_DATA_DIR ?? '.data',
		tenantTokenKeys: controlUrl ? (process.env.TENANT_TOKEN_KEYS ?? '') : process.env.TENANT_TOKEN_KEYS
	});
	if (!controlUrl) return runtime;
	const control = createClient({ url: controlUrl, authToken: process.env.CONTROL_DB_TOKEN });
	const platform: Platform = {
		...runtime.platform,
		db: { control: () => control, open: (locator) => createClient({ url: locator.url, authToken: locator.authToken ?? undefined }) }
	};
	return { platform, close: () => (control.close(), runtime.close()) };
}
