/**
 * `npm run db:migrate`: migrates the control database and fans out to every tenant.
 * Locally it uses .data/; with CONTROL_DB_URL (and CONTROL_DB_TOKEN) it migrates a
 * deployment's Turso databases, reading each tenant's locator from the control plane.
 */
import { createClient } from '@libsql/client/node';
import { createLocalRuntime } from '../src/lib/server/platform/local';
import { migrateEverything } from '../src/lib/server/tenancy/migrate-all';
import type { Platform } from '../src/lib/server/platform/ports';

async function platformFromEnv(): Promise<{ platform: Platform; close(): void }> {
	const runtime = await createLocalRuntime({ dataDir: process.env.TANDEM_DATA_DIR ?? '.data' });
	const controlUrl = process.env.CONTROL_DB_URL;
	if (!controlUrl) return runtime;
	const control = createClient({ url: controlUrl, authToken: process.env.CONTROL_DB_TOKEN });
	const platform: Platform = {
		...runtime.platform,
		db: { control: () => control, open: (locator) => createClient({ url: locator.url, authToken: locator.authToken ?? undefined }) }
	};
	return { platform, close: () => (control.close(), runtime.close()) };
}

const { platform, close } = await platformFromEnv();
const report = await migrateEverything(platform);
console.log(`control: ${report.control.applied.length ? `applied ${report.control.applied.join(', ')}` : 'up to date'}`);
for (const tenant of report.tenants) {
	const outcome = tenant.ok ? (tenant.applied.length ? `applied ${tenant.applied.join(', ')}` : 'up to date') : `FAILED: ${tenant.error}`;
	console.log(`tenant ${tenant.slug}: ${outcome}`);
}
close();
const failed = report.tenants.filter((t) => !t.ok).length;
console.log(`${report.tenants.length - failed} of ${report.tenants.length} tenants migrated.`);
process.exit(failed ? 1 : 0);
