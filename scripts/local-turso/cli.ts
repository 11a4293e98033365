/**
 * Starts the local Turso double in the foreground:
 *   npx tsx scripts/local-turso/cli.ts --data .data/preview --port 8081 --rtt 20 --platform-token X
 * (or `npm run turso:local -- ...`). Prints what a Worker needs (TURSO_API_URL, CONTROL_DB_URL,
 * CONTROL_DB_TOKEN) and serves until Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { startLocalTurso } from './server';

const usage = 'usage: tsx scripts/local-turso/cli.ts --platform-token TOKEN [--data DIR] [--host 127.0.0.1] [--port 8081] [--rtt MS] [--org local]';

function numberOption(name: string, text: string | undefined): number | undefined {
	if (text === undefined) return undefined;
	const value = Number(text);
	if (!Number.isInteger(value) || value < 0) {
		console.error(`--${name} must be a whole number >= 0, not "${text}".\n${usage}`);
		process.exit(2);
	}
	return value;
}

const { values } = parseArgs({
	options: {
		data: { type: 'string', default: '.data' },
		host: { type: 'string' },
		port: { type: 'string' },
		rtt: { type: 'string' },
		org: { type: 'string' },
		'platform-token': { type: 'string' }
	}
});
const platformToken = values['platform-token'] ?? process.env.TURSO_API_TOKEN;
if (!platformToken) {
	console.error(`--platform-token (or TURSO_API_TOKEN) is required: it is the bearer the Platform API asks for.\n${usage}`);
	process.exit(2);
}

const turso = await startLocalTurso({
	dataDir: values.data,
	host: values.host,
	port: numberOption('port', values.port),
	rttMs: numberOption('rtt', values.rtt),
	org: values.org,
	platformToken
});
const control = await turso.ensureDatabase('control');
console.log(`Local Turso serving ${values.data}/ at ${turso.origin} (org "${turso.org}", round trip +${values.rtt ?? 0} ms)`);
console.log(`TURSO_API_URL=${turso.origin}`);
console.log(`CONTROL_DB_URL=${control.url}`);
console.log(`CONTROL_DB_TOKEN=${control.authToken}`);
console.log('Ctrl-C stops it.');

process.once('SIGINT', () => {
	turso.close().then(
		() => process.exit(0),
		(error: unknown) => {
			console.error(error);
			process.exit(1);
		}
	);
});
