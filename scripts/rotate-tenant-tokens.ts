/**
 * `npm run tenants:rotate-tokens [-- --reseal-only | --revoke | --check]`: see
 * src/lib/server/tenancy/token-rotation.ts for what each mode does and when to run it.
 *
 * Env: CONTROL_DB_URL, CONTROL_DB_TOKEN, TENANT_TOKEN_KEYS (the Workers' secret); for the
 * default mode and --revoke also TURSO_ORG, TURSO_GROUP (the tenant group) and
 * TURSO_API_TOKEN; TURSO_API_URL points at another Platform API (a local double).
 * Without CONTROL_DB_URL it works on the local .data/ folder.
 */
import { localTursoOptions, TENANT_TOKEN_EXPIRATION, TursoProvisioner } from '../src/lib/server/platform/cloudflare/turso-provisioner';
import { runTokenCommand, type TokenCommand } from '../src/lib/server/tenancy/token-rotation';
import { platformFromEnv } from './platform-from-env';

const flags: Record<string, TokenCommand> = { '--reseal-only': 'reseal', '--revoke': 'revoke', '--check': 'check' };

function commandFrom(args: string[]): TokenCommand {
	const unknown = args.filter((arg) => !(arg in flags));
	if (unknown.length || args.length > 1) {
		throw new Error(`Usage: npm run tenants:rotate-tokens [-- --reseal-only | --revoke | --check] (got: ${args.join(' ')})`);
	}
	return args[0] ? flags[args[0]]! : 'rotate';
}

function turso(): TursoProvisioner {
	const missing = ['TURSO_ORG', 'TURSO_GROUP', 'TURSO_API_TOKEN'].filter((name) => !process.env[name]);
	if (missing.length) {
		throw new Error(
			`${missing.join(', ')} not set: minting tokens goes through Turso's Platform API ` +
				'(--reseal-only and --check need only CONTROL_DB_URL, CONTROL_DB_TOKEN and TENANT_TOKEN_KEYS).'
		);
	}
	return new TursoProvisioner({
		org: process.env.TURSO_ORG ?? '',
		group: process.env.TURSO_GROUP ?? '',
		apiToken: process.env.TURSO_API_TOKEN ?? '',
		tokenExpiration: TENANT_TOKEN_EXPIRATION,
		...localTursoOptions(process.env.TURSO_API_URL)
	});
}

try {
	const command = commandFrom(process.argv.slice(2));
	const { platform, close } = await platformFromEnv();
	const code = await runTokenCommand(command, platform, turso, (line) => console.log(line)).finally(close);
	process.exit(code);
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(1);
}
