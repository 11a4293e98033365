/** The tenant directory (slug → control-plane row), looked up at most once per request. Pages
 * reached from an emailed link (`/invite/[tenant]/...`) start the lookup in the hook, beside
 * the session's, so the link's page still costs two sequential round trips. */
import { eq } from 'drizzle-orm';
import { openControlDb } from '../db';
import { tenants } from '../db/control/schema';
import type { Platform } from '../platform/ports';
import type { TenantRow } from './service';

export type TenantDirectory = (slug: string) => Promise<TenantRow | undefined>;

export function tenantDirectory(platform: Platform): TenantDirectory {
	const rows = new Map<string, Promise<TenantRow | undefined>>();
	return (slug) => {
		let row = rows.get(slug);
		if (!row) {
			// A drizzle query runs again on every `then`: keep its one answer, not the query.
			row = Promise.resolve(openControlDb(platform).query.tenants.findFirst({ where: eq(tenants.slug, slug) }));
			rows.set(slug, row);
		}
		return row;
	};
}
