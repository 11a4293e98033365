/**
 * The preflight end to end: the real wrangler 4.86.0 CLI, pointed (CLOUDFLARE_API_BASE_URL)
 * at a stand-in of the Cloudflare API that answers in the documented v4 envelope
 * (`{ success, errors, messages, result }`, https://developers.cloudflare.com/fundamentals/api/how-to/make-api-calls/):
 * accounts, script secrets (`[{ name, type }]`, unknown script: 404 with code 10007),
 * R2 buckets (`result.buckets`), queues filtered by `name`. Nothing here reaches Cloudflare.
 *
 * Also: the tracked wrangler configs, as wrangler resolves them, carry no operator values and
 * keep production and staging apart.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployArgs, preflight, workerPlan, wranglerRunner, type WorkerPlan } from './preflight';

const ACCOUNT = '0123456789abcdef0123456789abcdef';
const ALL_SECRETS = ['CONTROL_DB_URL', 'CONTROL_DB_TOKEN', 'TURSO_ORG', 'TURSO_GROUP', 'TURSO_API_TOKEN', 'RESEND_API_KEY', 'TENANT_TOKEN_KEYS'];
/** Only the app worker presigns file links (src/lib/server/platform/cloudflare/file-links.ts). */
const APP_SECRETS = [...ALL_SECRETS, 'R2_ACCOUNT_ID', 'R2_ACCESS_KEY_ID', 'R2_SECRET_ACCESS_KEY', 'R2_BUCKET'];

interface FakeAccount {
	secrets: Record<string, string[]>;
	buckets: string[];
	queues: string[];
}

function envelope(result: unknown, status = 200, errors: { code: number; message: string }[] = []) {
	return { status, body: JSON.stringify({ success: status < 400, errors, messages: [], result }) };
}

function answer(account: FakeAccount, url: URL) {
	const path = url.pathname.replace(/^\/client\/v4/, '');
	if (path === '/user/tokens/verify') return envelope({ id: 'token', status: 'active' });
	if (path === '/user') return envelope({ email: 'ops@tandem.coach' });
	if (path === '/accounts') return envelope([{ id: ACCOUNT, name: 'Tandem' }]);
	const secrets = new RegExp(`^/accounts/${ACCOUNT}/workers/scripts/([^/]+)/secrets$`).exec(path);
	if (secrets) {
		const names = account.secrets[secrets[1]];
		if (!names) return envelope(null, 404, [{ code: 10007, message: 'workers.api.error.script_not_found' }]);
		return envelope(names.map((name) => ({ name, type: 'secret_text' })));
	}
	if (path === `/accounts/${ACCOUNT}/r2/buckets`) {
		return envelope({ buckets: account.buckets.map((name) => ({ name, creation_date: '2026-11-01T10:00:00.000Z' })) });
	}
	if (path === `/accounts/${ACCOUNT}/queues`) {
		const wanted = url.searchParams.getAll('name');
		const queues = account.queues.filter((name) => wanted.length === 0 || wanted.includes(name));
		return envelope(
			queues.map((name) => ({
				queue_id: `id-${name}`,
				queue_name: name,
				created_on: '2026-11-01',
				modified_on: '2026-11-01',
				producers_total_count: 0,
				consumers_total_count: 0,
				producers: [],
				consumers: []
			}))
		);
	}
	return envelope(null, 404, [{ code: 7003, message: `no route for ${path}` }]);
}

function startFakeCloudflare(account: FakeAccount): Promise<{ server: Server; origin: string; methods: string[] }> {
	const methods: string[] = [];
	const server = createServer((request, response) => {
		methods.push(request.method ?? '');
		const { status, body } = answer(account, new URL(request.url ?? '/', 'http://localhost'));
		response.writeHead(status, { 'content-type': 'application/json' }).end(body);
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () => resolve({ server, methods, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }))
	);
}

describe('npm run deploy:check against the real wrangler', () => {
	let fake: Awaited<ReturnType<typeof startFakeCloudflare>>;
	let results: Awaited<ReturnType<typeof preflight>>;

	beforeAll(async () => {
		fake = await startFakeCloudflare({
			// The jobs worker was never created, so its secrets were never loaded.
			secrets: { 'tandem-app': APP_SECRETS },
			buckets: ['tandem-files'],
			// The dead-letter queue was forgotten.
			queues: ['tandem-jobs']
		});
		const run = wranglerRunner({
			...process.env,
			CLOUDFLARE_API_BASE_URL: `${fake.origin}/client/v4`,
			CLOUDFLARE_API_TOKEN: 'test-token',
			CLOUDFLARE_ACCOUNT_ID: ACCOUNT,
			CLOUDFLARE_CF_FETCH_ENABLED: 'false',
			NO_UPDATE_NOTIFIER: '1'
		});
		results = await preflight({
			environment: 'production',
			settings: { file: 'deploy/production.env', values: { APP_URL: 'https://app.tandem.coach', MAIL_FROM: 'Tandem <notifications@mail.tandem.coach>' } },
			plans: [workerPlan('app', 'production'), workerPlan('jobs', 'production')],
			run,
			accountIdSet: true
		});
	}, 120_000);

	afterAll(() => fake?.server.close());

	const outcome = (name: string) => results.find((result) => result.name === name);

	it('passes what is in place', () => {
		for (const name of ['APP_URL', 'MAIL_FROM', 'Cloudflare login', 'secrets of tandem-app', 'R2 bucket tandem-files', 'queue tandem-jobs']) {
			expect(outcome(name), name).toMatchObject({ ok: true });
		}
	});

	it('fails what is missing, each with the command that fixes it', () => {
		expect(outcome('secrets of tandem-jobs')).toMatchObject({
			ok: false,
			detail: 'the Worker does not exist yet',
			fix: expect.stringContaining('npx wrangler secret bulk <secrets.json> -c workers/jobs/wrangler.toml --env ')
		});
		expect(outcome('queue tandem-jobs-dlq')).toMatchObject({
			ok: false,
			fix: 'npx wrangler queues create tandem-jobs-dlq --message-retention-period-secs 1209600'
		});
	});

	it('only reads: the preflight never changes anything on the account', () => {
		expect(fake.methods.length).toBeGreaterThan(0);
		expect(new Set(fake.methods)).toEqual(new Set(['GET']));
	});
});

describe('the tracked wrangler configs', () => {
	const environments = ['production', 'staging'];
	const plans = environments.flatMap((environment) => [workerPlan('app', environment), workerPlan('jobs', environment)]);

	it('carry no operator values: APP_URL and MAIL_FROM come only from deploy/<environment>.env', () => {
		for (const plan of plans) {
			expect(plan.vars, plan.name).not.toHaveProperty('APP_URL');
			expect(plan.vars, plan.name).not.toHaveProperty('MAIL_FROM');
		}
	});

	it('ask for the same secrets on every Worker of every environment, and the R2 presigning ones on the app', () => {
		for (const plan of plans) expect(plan.requiredSecrets, plan.name).toEqual(plan.name.startsWith('tandem-app') ? APP_SECRETS : ALL_SECRETS);
	});

	it('give staging its own Workers, bucket and queues', () => {
		const [production, staging] = environments.map((environment) => plans.filter((plan) => plan.name.includes('staging') === (environment === 'staging')));
		const resources = (set: WorkerPlan[]) => new Set(set.flatMap((plan) => [plan.name, ...plan.buckets, ...plan.queues]));
		const shared = [...resources(production)].filter((name) => resources(staging).has(name));
		expect(shared).toEqual([]);
		expect(resources(staging)).toEqual(
			new Set(['tandem-app-staging', 'tandem-jobs-staging', 'tandem-files-staging', 'tandem-jobs-staging-dlq'])
		);
	});
});

describe('the deploy command line', () => {
	const settings = { file: 'deploy/production.env', values: { APP_URL: 'https://app.tandem.coach', MAIL_FROM: 'Tandem <notifications@mail.tandem.coach>' } };

	it('serves the app on APP_URL’s host as a custom domain, and passes both settings to both Workers', () => {
		expect(deployArgs(workerPlan('app', 'production'), settings, 'tandem abc123 (production)')).toEqual([
			'deploy',
			'-c',
			'wrangler.toml',
			'--env',
			'',
			'--var',
			'APP_URL:https://app.tandem.coach',
			'--var',
			'MAIL_FROM:Tandem <notifications@mail.tandem.coach>',
			'--domain',
			'app.tandem.coach',
			'--message',
			'tandem abc123 (production)'
		]);
		const jobs = deployArgs(workerPlan('jobs', 'staging'), settings, 'm');
		expect(jobs.slice(0, 5)).toEqual(['deploy', '-c', 'workers/jobs/wrangler.toml', '--env', 'staging']);
		expect(jobs).not.toContain('--domain');
		expect(jobs).toContain('MAIL_FROM:Tandem <notifications@mail.tandem.coach>');
	});

	it('adds no domain for a workers.dev address', () => {
		const workersDev = { ...settings, values: { ...settings.values, APP_URL: 'https://tandem-app.acme.workers.dev' } };
		expect(deployArgs(workerPlan('app', 'production'), workersDev, 'm')).not.toContain('--domain');
	});
});
