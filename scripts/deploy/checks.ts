/**
 * The deploy preflight's checks: small pure functions over the operator's values and over
 * what wrangler 4.86.0 prints, each answering one line an operator can act on.
 *
 * Output shapes, read in node_modules/wrangler/wrangler-dist/cli.js (4.86.0) and recorded by
 * running those commands against a stand-in of the Cloudflare API (CLOUDFLARE_API_BASE_URL):
 * - `wrangler whoami --json`: `{ "loggedIn": true, "authType", "email", "accounts": [{ "id",
 *   "name" }], ... }` on stdout, exit 0; not authenticated: exit 1 with `{"loggedIn":false}`.
 * - `wrangler secret list --format json`: a JSON array `[{ "name", "type": "secret_text" }]`
 *   (Cloudflare API "List script secrets"); a Worker that does not exist yet: exit 1 and
 *   `Worker "<name>" not found.` on stderr.
 * - `wrangler r2 bucket list`: blocks of `name:  <bucket>` / `creation_date:  <iso>` lines;
 *   R2 never enabled on the account: exit 1 with "Please enable R2 ... [code: 10042]"
 *   (https://github.com/cloudflare/workers-sdk/issues/2877).
 * - `wrangler queues info <name>`: `Queue Name: <name>` ... on stdout, exit 0; missing queue:
 *   exit 1 with `Queue "<name>" does not exist. To create it, run: wrangler queues create <name>`.
 *   (`queues list` shows only its first page, so each queue is asked for by name.)
 */
import { stripVTControlCharacters } from 'node:util';

export interface CommandOutput {
	exitCode: number;
	stdout: string;
	stderr: string;
}

export interface CheckResult {
	name: string;
	ok: boolean;
	/** What was found: shown on every line. */
	detail: string;
	/** What to do about it: shown when the check fails. */
	fix?: string;
}

/** Public settings the operator owns (deploy/<environment>.env), passed to both Workers as vars. */
export const OPERATOR_VARS = ['APP_URL', 'MAIL_FROM'] as const;
export type OperatorVar = (typeof OPERATOR_VARS)[number];

/**
 * Names that only the local rehearsal sets: each points production code at a local double
 * (the Turso Platform API, Resend) or turns on the dev mailbox. Set on a deployed Worker, they
 * would send tenant databases or email to an address that does not exist there.
 */
export const LOCAL_ONLY_NAMES = ['TURSO_API_URL', 'RESEND_API_URL', 'DEV_MAILBOX_URL'] as const;

const pass = (name: string, detail: string): CheckResult => ({ name, ok: true, detail });
const fail = (name: string, detail: string, fix: string): CheckResult => ({ name, ok: false, detail, fix });

// RFC 2606 / RFC 6761 names reserved for examples and tests, and loopback: never a real origin.
const RESERVED_HOST = /(^|\.)(example(\.(com|net|org))?|test|invalid|localhost)$/i;
const LOOPBACK_HOST = /^(127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/;

function isPlaceholderHost(host: string): boolean {
	return RESERVED_HOST.test(host) || LOOPBACK_HOST.test(host);
}

/** The operator file's keys: only the public settings, never a secret or a local-only name. */
export function checkOperatorKeys(file: string, keys: string[]): CheckResult {
	const name = `settings file ${file}`;
	const localOnly = keys.filter((key) => (LOCAL_ONLY_NAMES as readonly string[]).includes(key));
	if (localOnly.length) {
		return fail(name, `sets ${localOnly.join(', ')}, which only the local rehearsal may set`, `delete ${localOnly.join(', ')} from ${file}`);
	}
	const unknown = keys.filter((key) => !(OPERATOR_VARS as readonly string[]).includes(key));
	if (unknown.length) {
		return fail(
			name,
			`has keys the Workers do not read as settings: ${unknown.join(', ')}`,
			`keep only ${OPERATOR_VARS.join(' and ')} in ${file}; secrets go in with \`wrangler secret bulk\` (docs/DEPLOY.md)`
		);
	}
	return pass(name, `sets ${keys.join(', ') || 'nothing'}`);
}

/**
 * APP_URL is the origin in every email link and the one the origin check accepts: a wrong
 * value deploys fine and then refuses every form post, so only a real https origin passes.
 */
export function checkAppUrl(value: string | undefined, appWorkerName: string): CheckResult {
	const name = 'APP_URL';
	const fix = 'set APP_URL to the exact https origin users type, e.g. APP_URL=https://app.yourcompany.com (no path, no trailing slash)';
	if (!value) return fail(name, 'is not set', fix);
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return fail(name, `"${value}" is not a URL`, fix);
	}
	if (url.protocol !== 'https:') return fail(name, `"${value}" is not https`, fix);
	if (url.origin !== value) {
		return fail(name, `"${value}" is not a bare origin (it should read "${url.origin}")`, fix);
	}
	if (isPlaceholderHost(url.hostname)) return fail(name, `"${value}" is a placeholder, not your domain`, fix);
	if (url.hostname.endsWith('.workers.dev') && !url.hostname.startsWith(`${appWorkerName}.`)) {
		return fail(
			name,
			`"${value}" is not the workers.dev address of ${appWorkerName}`,
			`use https://${appWorkerName}.<your-subdomain>.workers.dev, or your own domain`
		);
	}
	return pass(name, value);
}

const ADDRESS = /^[^\s@<>]+@([^\s@<>]+\.[^\s@<>]+)$/;

/** MAIL_FROM: `Name <address>` or a bare address, on a real (verified in Resend) domain. */
export function checkMailFrom(value: string | undefined): CheckResult {
	const name = 'MAIL_FROM';
	const fix = 'set MAIL_FROM to an address on your Resend-verified domain, e.g. MAIL_FROM=Tandem <notifications@mail.yourcompany.com>';
	if (!value) return fail(name, 'is not set', fix);
	const address = /<([^<>]*)>\s*$/.exec(value)?.[1] ?? value.trim();
	const domain = ADDRESS.exec(address)?.[1];
	if (!domain) return fail(name, `"${value}" has no valid email address`, fix);
	if (isPlaceholderHost(domain)) return fail(name, `"${value}" uses a placeholder domain`, fix);
	return pass(name, value);
}

/** `wrangler whoami --json`: logged in, and an account wrangler can pick without asking. */
export function checkWhoami(output: CommandOutput, accountIdSet: boolean): CheckResult {
	const name = 'Cloudflare login';
	const fix = 'run `npx wrangler login`, or in CI set CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID';
	const who = parseJson(output.stdout) as { loggedIn?: boolean; email?: string; accounts?: { id: string; name: string }[] } | null;
	if (output.exitCode !== 0 || !who?.loggedIn) return fail(name, 'wrangler is not authenticated', fix);
	const accounts = who.accounts ?? [];
	if (accounts.length === 0) {
		return fail(name, 'the token sees no account', 'give the API token access to the account you deploy to');
	}
	if (accounts.length > 1 && !accountIdSet) {
		return fail(
			name,
			`the login sees ${accounts.length} accounts (${accounts.map((a) => a.name).join(', ')})`,
			'set CLOUDFLARE_ACCOUNT_ID to the account you deploy to (`npx wrangler whoami` lists the ids)'
		);
	}
	const account = accounts.length === 1 ? accounts[0].name : 'CLOUDFLARE_ACCOUNT_ID';
	return pass(name, `${who.email ?? 'API token'} on ${account}`);
}

/** `wrangler secret list --format json` for one Worker: every required secret, no local-only one. */
export function checkSecrets(worker: string, required: readonly string[], output: CommandOutput, bulkCommand: string): CheckResult {
	const name = `secrets of ${worker}`;
	if (/not found/i.test(output.stderr) && output.exitCode !== 0) {
		return fail(name, 'the Worker does not exist yet', `load its secrets with \`${bulkCommand}\` (this creates the Worker)`);
	}
	const listed = parseJson(output.stdout);
	if (output.exitCode !== 0 || !Array.isArray(listed)) {
		return fail(name, `could not be listed: ${firstLine(output.stderr)}`, 'check the login above, then run the preflight again');
	}
	const names = new Set(listed.map((entry: { name?: unknown }) => String(entry?.name)));
	const localOnly = LOCAL_ONLY_NAMES.filter((key) => names.has(key));
	if (localOnly.length) {
		const deletes = localOnly.map((key) => `\`npx wrangler secret delete ${key}\``).join(', ');
		return fail(name, `${localOnly.join(', ')} is set, which points production at a local double`, `remove it: ${deletes} (add the same -c/--env as for this Worker)`);
	}
	const missing = required.filter((key) => !names.has(key));
	if (missing.length) {
		return fail(name, `missing ${missing.join(', ')}`, `add them to your secrets file and run \`${bulkCommand}\``);
	}
	return pass(name, `all ${required.length} set`);
}

/** Local-only names must not sit in the tracked config's [vars] either. */
export function checkConfigVars(worker: string, vars: Record<string, unknown>): CheckResult {
	const name = `vars of ${worker}`;
	const localOnly = LOCAL_ONLY_NAMES.filter((key) => key in vars);
	if (localOnly.length) {
		return fail(name, `the wrangler config sets ${localOnly.join(', ')}`, `delete ${localOnly.join(', ')} from its [vars]`);
	}
	return pass(name, 'no local-only settings');
}

/** `wrangler r2 bucket list`: the bucket exists (and R2 is enabled at all). */
export function checkBucket(bucket: string, output: CommandOutput): CheckResult {
	const name = `R2 bucket ${bucket}`;
	if (output.exitCode !== 0) {
		if (/enable R2|10042/i.test(output.stderr)) {
			return fail(name, 'R2 is not enabled on this account', 'enable R2 once in the dashboard (R2 Object Storage > Purchase R2 / Add R2 subscription), then `npx wrangler r2 bucket create ' + bucket + '`');
		}
		return fail(name, `buckets could not be listed: ${firstLine(output.stderr)}`, 'check the login above, then run the preflight again');
	}
	const names = stripVTControlCharacters(output.stdout)
		.split('\n')
		.map((line) => /^name:\s+(\S+)\s*$/.exec(line)?.[1])
		.filter((found): found is string => Boolean(found));
	if (!names.includes(bucket)) return fail(name, 'does not exist', `npx wrangler r2 bucket create ${bucket}`);
	return pass(name, 'exists');
}

/** `wrangler queues info <queue>`: the queue exists. */
export function checkQueue(queue: string, output: CommandOutput): CheckResult {
	const name = `queue ${queue}`;
	const found = stripVTControlCharacters(output.stdout).match(/^Queue Name: (\S+)\s*$/m)?.[1];
	if (output.exitCode === 0 && found === queue) return pass(name, 'exists');
	if (/does not exist/i.test(output.stderr)) {
		const create = queue.endsWith('-dlq')
			? `npx wrangler queues create ${queue} --message-retention-period-secs 1209600`
			: `npx wrangler queues create ${queue}`;
		return fail(name, 'does not exist', create);
	}
	return fail(name, `could not be read: ${firstLine(output.stderr)}`, 'check the login above, then run the preflight again');
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

/** The first meaningful line of wrangler's error output, without colours or its ✘ [ERROR] prefix. */
function firstLine(text: string): string {
	const line = stripVTControlCharacters(text)
		.split('\n')
		.map((l) => l.replace(/^✘\s*\[ERROR\]\s*/, '').trim())
		.find((l) => l && !l.startsWith('npm warn'));
	return line ?? 'no message';
}
