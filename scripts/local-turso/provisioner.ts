/**
 * The production TursoProvisioner pointed at a local Turso, for Node steps of the local
 * launcher (seeding): tenant databases are created through the same code path as in
 * production; only the Platform API's address and the database URL differ, exactly as
 * cloudflarePlatform() configures them when TURSO_API_URL is set.
 */
import { localTursoOptions, tursoProvisioner, type TursoProvisioner } from '../../src/lib/server/platform/cloudflare/turso-provisioner';
import type { LocalTurso } from './server';

export function localTursoProvisioner(turso: LocalTurso, platformToken: string, group = 'local'): TursoProvisioner {
	return tursoProvisioner({
		org: turso.org,
		group,
		apiToken: platformToken,
		...localTursoOptions(turso.origin)
	});
}
