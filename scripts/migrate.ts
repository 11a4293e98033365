/**
 * `npm run db:migrate`: migrates the control database and fans out to every tenant.
 * Locally it uses .data/; with CONTROL_DB_URL (and CONTROL_DB_TOKEN) it migrates a
 * deployment's Turso databases, reading each tenant's locator from the control plane (with
 * TENANT_TOKEN_KEYS to open their tokens).
 */
import { migrateEverything } from '../src/lib/server/tenancy/migrate-all';
import { platformFromEnv } from './platform-from-env';

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
