/**
 * The preflight's checks over recorded wrangler 4.86.0 output (recorded against a stand-in of
 * the Cloudflare API; preflight.test.ts runs the real wrangler end to end).
 */
import { describe, expect, it } from 'vitest';
import {
	checkAppUrl,
	checkBucket,
	checkConfigVars,
	checkMailFrom,
	checkOperatorKeys,
	checkQueue,
	checkSecrets,
	checkWhoami,
	type CommandOutput
} from './checks';

const ok = (stdout: string): CommandOutput => ({ exitCode: 0, stdout, stderr: '' });
const failed = (stderr: string): CommandOutput => ({ exitCode: 1, stdout: '', stderr });

const REQUIRED = ['CONTROL_DB_URL', 'CONTROL_DB_TOKEN', 'TENANT_TOKEN_KEYS'];
const BULK = 'npx wrangler secret bulk <secrets.json> -c wrangler.toml';
const secretList = (...names: string[]) => JSON.stringify(names.map((name) => ({ name, type: 'secret_text' })), null, '  ');

describe('APP_URL', () => {
	it.each([
		['https://app.tandem.coach', true],
		['https://tandem-app.acme.workers.dev', true],
		[undefined, false],
		['', false],
		['app.tandem.coach', false],
		['http://app.tandem.coach', false],
		['https://app.tandem.coach/', false],
		['https://app.tandem.coach/t/acme', false],
		['https://app.example.com', false],
		['https://app.tandem.example', false],
		['https://tandem.test', false],
		['https://localhost:5173', false],
		['https://127.0.0.1', false],
		['https://<your-domain>', false],
		['https://other-worker.acme.workers.dev', false]
	])('%s passes: %s', (value, expected) => {
		expect(checkAppUrl(value, 'tandem-app').ok).toBe(expected);
	});

	it('says what the value should read when it is almost an origin', () => {
		expect(checkAppUrl('https://app.tandem.coach/', 'tandem-app').detail).toContain('"https://app.tandem.coach"');
	});
});

describe('MAIL_FROM', () => {
	it.each([
		['Tandem <notifications@mail.tandem.coach>', true],
		['notifications@tandem.coach', true],
		[undefined, false],
		['Tandem', false],
		['Tandem <notifications>', false],
		['Tandem <notifications@tandem.example>', false],
		['Tandem <notifications@mail.example.com>', false],
		['ops@localhost', false]
	])('%s passes: %s', (value, expected) => {
		expect(checkMailFrom(value).ok).toBe(expected);
	});
});

describe('the operator settings file', () => {
	it('takes the public settings', () => {
		expect(checkOperatorKeys('deploy/production.env', ['APP_URL', 'MAIL_FROM']).ok).toBe(true);
	});

	it('refuses a local-only name, naming it', () => {
		const result = checkOperatorKeys('deploy/production.env', ['APP_URL', 'TURSO_API_URL']);
		expect(result.ok).toBe(false);
		expect(result.fix).toContain('TURSO_API_URL');
	});

	it('refuses a secret put there by mistake, pointing to wrangler secret', () => {
		const result = checkOperatorKeys('deploy/production.env', ['APP_URL', 'MAIL_FROM', 'RESEND_API_KEY']);
		expect(result.ok).toBe(false);
		expect(result.detail).toContain('RESEND_API_KEY');
		expect(result.fix).toContain('wrangler secret bulk');
	});
});

describe('the tracked config vars', () => {
	it.each(['TURSO_API_URL', 'RESEND_API_URL', 'DEV_MAILBOX_URL'])('refuse %s', (name) => {
		expect(checkConfigVars('tandem-app', { [name]: 'http://127.0.0.1:8081' }).ok).toBe(false);
	});

	it('accept ordinary vars', () => {
		expect(checkConfigVars('tandem-app', { SOMETHING: 'x' }).ok).toBe(true);
	});
});

describe('wrangler whoami --json', () => {
	const whoami = (accounts: { id: string; name: string }[]) =>
		ok(JSON.stringify({ loggedIn: true, authType: 'User API Token', email: 'ops@tandem.coach', accounts }, null, 4));

	it('passes with one account', () => {
		const result = checkWhoami(whoami([{ id: 'a1', name: 'Tandem' }]), false);
		expect(result).toMatchObject({ ok: true, detail: 'ops@tandem.coach on Tandem' });
	});

	it('asks for CLOUDFLARE_ACCOUNT_ID when the login sees several accounts', () => {
		const accounts = [
			{ id: 'a1', name: 'Tandem' },
			{ id: 'a2', name: 'Personal' }
		];
		expect(checkWhoami(whoami(accounts), false)).toMatchObject({ ok: false, fix: expect.stringContaining('CLOUDFLARE_ACCOUNT_ID') });
		expect(checkWhoami(whoami(accounts), true).ok).toBe(true);
	});

	it('fails when not logged in (exit 1, {"loggedIn":false})', () => {
		const result = checkWhoami({ exitCode: 1, stdout: '', stderr: '{"loggedIn":false}' }, false);
		expect(result).toMatchObject({ ok: false, fix: expect.stringContaining('wrangler login') });
	});
});

describe('wrangler secret list --format json', () => {
	it('passes when every required secret is set', () => {
		expect(checkSecrets('tandem-app', REQUIRED, ok(secretList(...REQUIRED, 'EXTRA')), BULK).ok).toBe(true);
	});

	it('names the missing secrets and the command that sets them', () => {
		const result = checkSecrets('tandem-app', REQUIRED, ok(secretList('CONTROL_DB_URL')), BULK);
		expect(result).toMatchObject({ ok: false, detail: 'missing CONTROL_DB_TOKEN, TENANT_TOKEN_KEYS' });
		expect(result.fix).toContain(BULK);
	});

	it('refuses a local-only name set as a secret', () => {
		const result = checkSecrets('tandem-jobs', REQUIRED, ok(secretList(...REQUIRED, 'RESEND_API_URL')), BULK);
		expect(result).toMatchObject({ ok: false, fix: expect.stringContaining('wrangler secret delete RESEND_API_URL') });
	});

	it('says the Worker does not exist yet, and that loading its secrets creates it', () => {
		const stderr = '✘ [ERROR] Worker "tandem-app" not found.\n\n  If this is a new Worker, run `wrangler deploy` first to create it.';
		const result = checkSecrets('tandem-app', REQUIRED, failed(stderr), BULK);
		expect(result).toMatchObject({ ok: false, detail: 'the Worker does not exist yet' });
		expect(result.fix).toContain('creates the Worker');
	});

	it('reports any other failure with wrangler’s own first line', () => {
		const result = checkSecrets('tandem-app', REQUIRED, failed('✘ [ERROR] A request to the Cloudflare API failed.\n  Authentication error [code: 10000]'), BULK);
		expect(result).toMatchObject({ ok: false, detail: 'could not be listed: A request to the Cloudflare API failed.' });
	});
});

describe('wrangler r2 bucket list', () => {
	const LISTED = [
		'',
		' ⛅️ wrangler 4.86.0',
		'──────────────────',
		'Listing buckets...',
		'name:           tandem-files-staging',
		'creation_date:  2026-11-01T10:00:00.000Z',
		'',
		'name:           tandem-files',
		'creation_date:  2026-11-01T10:00:00.000Z',
		''
	].join('\n');

	it('finds the bucket by exact name', () => {
		expect(checkBucket('tandem-files', ok(LISTED)).ok).toBe(true);
		expect(checkBucket('tandem-file', ok(LISTED)).ok).toBe(false);
	});

	it('says how to create a missing bucket', () => {
		expect(checkBucket('tandem-uploads', ok(LISTED))).toMatchObject({ ok: false, fix: 'npx wrangler r2 bucket create tandem-uploads' });
	});

	it('says R2 must be enabled in the dashboard first', () => {
		const stderr = '✘ [ERROR] A request to the Cloudflare API (/accounts/a1/r2/buckets) failed.\n\n  Please enable R2 through the Cloudflare Dashboard. [code: 10042]';
		expect(checkBucket('tandem-files', failed(stderr))).toMatchObject({ ok: false, detail: 'R2 is not enabled on this account' });
	});
});

describe('wrangler queues info', () => {
	const info = (name: string) =>
		ok(`Queue Name: ${name}\nQueue ID: 0f1e\nCreated On: 2026-11-01\nLast Modified: 2026-11-01\nNumber of Producers: 0\nNumber of Consumers: 0\n`);

	it('passes when the queue exists', () => {
		expect(checkQueue('tandem-jobs', info('tandem-jobs')).ok).toBe(true);
	});

	it('creates a missing dead-letter queue with 14 days of retention', () => {
		const stderr = '✘ [ERROR] Queue "tandem-jobs-dlq" does not exist. To create it, run: wrangler queues create tandem-jobs-dlq';
		expect(checkQueue('tandem-jobs-dlq', failed(stderr))).toMatchObject({
			ok: false,
			fix: 'npx wrangler queues create tandem-jobs-dlq --message-retention-period-secs 1209600'
		});
	});

	it('does not mistake another queue’s answer for this one', () => {
		expect(checkQueue('tandem-jobs', info('tandem-jobs-staging')).ok).toBe(false);
	});
});
