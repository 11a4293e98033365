import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TenantDatabaseProvisioner } from '../ports';

/** One libSQL file per tenant under `<dataDir>/tenants/`; creating it twice is harmless. */
export function fileProvisioner(dataDir: string): TenantDatabaseProvisioner {
	return {
		async provision(databaseName) {
			const folder = resolve(dataDir, 'tenants');
			mkdirSync(folder, { recursive: true });
			return { url: `file:${join(folder, `${databaseName}.db`)}` };
		}
	};
}
