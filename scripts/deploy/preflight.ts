/**
 * The deploy preflight (`npm run deploy:check -- <environment>`) and the deploy it guards
 * (`npm run deploy -- <environment>`).
 *
 * What each Worker needs is read from the tracked wrangler configs through wrangler's own
 * reader (`unstable_readConfig`, so environments inherit exactly as `wrangler deploy` sees
 * them): its name, `[secrets] required`, R2 buckets, queues and dead-letter queues. The
 * operator's public settings come from the untracked `deploy/<environment>.env`. Every check
 * runs (nothing stops at the first failure) and prints one line; the deploy starts only when
 * all pass. Whether migrations were applied is not checked here: `npm run db:migrate` is a
 * step of its own (docs/DEPLOY.md, "Upgrades").
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseEnv } from 'node:util';
import {
	checkAppUrl,
	checkBucket,
	checkConfigVars,
	checkMailFrom,
	checkOperatorKeys,
	checkQueue,
	checkSecrets,
	checkWhoami,
	type CheckResult,
	type CommandOutput
} from './checks';
import { WORKER_CONFIGS } from '../worker-configs';

const require = createRequire(import.meta.url);
const wrangler = require('wrangler') as typeof import('wrangler');

export type WorkerRole = keyof typeof WORKER_CONFIGS;

export interface WorkerPlan {
	role: WorkerRole;
	configPath: string;
	/** `--env` for wrangler; production is the top level of each config. */
	wranglerEnv?: string;
	name: string;
	requiredSecrets: string[];
	buckets: string[];
	queues: string[];
	vars: Record<string, unknown>;
}

export function wranglerEnvFor(environment: string): string | undefined {
	return environment === 'production' ? undefined : environment;
}

/** The part of wrangler's resolved config the preflight reads. */
interface ResolvedConfig {
	name?: string;
	vars: Record<string, unknown>;
	secrets?: { required?: string[] };
	r2_buckets: { bucket_name?: string }[];
	queues: { producers?: { queue: string }[]; consumers?: { queue: string; dead_letter_queue?: string }[] };
}

/** Reads a config without wrangler's warning that `[secrets]` is experimental (4.86). */
function quietly<T>(read: () => T): T {
	const level = process.env.WRANGLER_LOG;
	process.env.WRANGLER_LOG = 'error';
	try {
		return read();
	} finally {
		if (level === undefined) delete process.env.WRANGLER_LOG;
		else process.env.WRANGLER_LOG = level;
	}
}

/** What one Worker of an environment needs, as wrangler resolves its config. */
export function workerPlan(role: WorkerRole, environment: string, root = process.cwd()): WorkerPlan {
	const configPath = `${root}/${WORKER_CONFIGS[role]}`;
	const wranglerEnv = wranglerEnvFor(environment);
	if (wranglerEnv) {
		const { rawConfig } = quietly(() => wrangler.experimental_readRawConfig({ config: configPath }));
		if (!rawConfig.env?.[wranglerEnv]) {
			throw new Error(`${WORKER_CONFIGS[role]} has no [env.${wranglerEnv}] section: add one (see [env.staging]) before deploying "${environment}".`);
		}
	}
	const config: ResolvedConfig = quietly(() => wrangler.unstable_readConfig({ config: configPath, env: wranglerEnv }));
	const queues = [
		...(config.queues.producers ?? []).map((producer) => producer.queue),
		...(config.queues.consumers ?? []).flatMap((consumer) => [consumer.queue, consumer.dead_letter_queue ?? []].flat())
	];
	return {
		role,
		configPath: WORKER_CONFIGS[role],
		wranglerEnv,
		name: config.name ?? role,
		requiredSecrets: config.secrets?.required ?? [],
		buckets: config.r2_buckets.map((bucket) => bucket.bucket_name).filter((name): name is string => Boolean(name)),
		queues: [...new Set(queues)],
		vars: config.vars
	};
}

/**
 * `-c <config> --env <env>`: which Worker a wrangler command talks about. Production passes
 * `--env ""` (the top level), as wrangler asks when a config defines several environments.
 */
export function targetArgs(plan: WorkerPlan): string[] {
	return ['-c', plan.configPath, '--env', plan.wranglerEnv ?? ''];
}

export interface OperatorSettings {
	file: string;
	values: Record<string, string>;
}

export function settingsFileFor(environment: string): string {
	return `deploy/${environment}.env`;
}

export function readSettings(environment: string, root = process.cwd()): OperatorSettings | null {
	const file = settingsFileFor(environment);
	const path = `${root}/${file}`;
	if (!existsSync(path)) return null;
	return { file, values: parseEnv(readFileSync(path, 'utf8')) as Record<string, string> };
}

export type WranglerRunner = (args: string[]) => Promise<CommandOutput>;

/** Runs the pinned wrangler (never a global one) and captures what it prints. */
export const wranglerRunner =
	(env: NodeJS.ProcessEnv = process.env): WranglerRunner =>
	(args) =>
	new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [require.resolve('wrangler/bin/wrangler.js'), ...args], {
			env: { ...env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout, stderr }));
	});

export interface PreflightInput {
	environment: string;
	settings: OperatorSettings | null;
	plans: WorkerPlan[];
	run: WranglerRunner;
	accountIdSet: boolean;
}

export function secretsBulkCommand(plan: WorkerPlan): string {
	return ['npx wrangler secret bulk <secrets.json>', ...targetArgs(plan)].join(' ');
}

function settingsChecks(environment: string, settings: OperatorSettings | null, appName: string): CheckResult[] {
	if (!settings) {
		const file = settingsFileFor(environment);
		return [
			{
				name: `settings file ${file}`,
				ok: false,
				detail: 'does not exist',
				fix: `cp deploy/example.env ${file} and fill in APP_URL and MAIL_FROM`
			}
		];
	}
	return [
		checkOperatorKeys(settings.file, Object.keys(settings.values)),
		checkAppUrl(settings.values.APP_URL, appName),
		checkMailFrom(settings.values.MAIL_FROM)
	];
}

export async function preflight({ environment, settings, plans, run, accountIdSet }: PreflightInput): Promise<CheckResult[]> {
	const app = plans.find((plan) => plan.role === 'app');
	const results = settingsChecks(environment, settings, app?.name ?? 'tandem-app');
	results.push(...plans.map((plan) => checkConfigVars(plan.name, plan.vars)));

	const whoami = checkWhoami(await run(['whoami', '--json']), accountIdSet);
	results.push(whoami);
	if (!whoami.ok) return results; // every remaining check needs the account

	for (const plan of plans) {
		const listed = await run(['secret', 'list', '--format', 'json', ...targetArgs(plan)]);
		results.push(checkSecrets(plan.name, plan.requiredSecrets, listed, secretsBulkCommand(plan)));
	}
	const buckets = [...new Set(plans.flatMap((plan) => plan.buckets))];
	if (buckets.length) {
		const listed = await run(['r2', 'bucket', 'list']);
		results.push(...buckets.map((bucket) => checkBucket(bucket, listed)));
	}
	for (const queue of new Set(plans.flatMap((plan) => plan.queues))) {
		results.push(checkQueue(queue, await run(['queues', 'info', queue])));
	}
	return results;
}

export function formatResult(result: CheckResult): string {
	const line = `${result.ok ? 'ok  ' : 'FAIL'} ${result.name}: ${result.detail}`;
	return result.ok || !result.fix ? line : `${line}\n       -> ${result.fix}`;
}

/** The wrangler arguments that deploy one Worker with the operator's settings. */
export function deployArgs(plan: WorkerPlan, settings: OperatorSettings, message: string): string[] {
	const vars = (['APP_URL', 'MAIL_FROM'] as const).flatMap((key) => ['--var', `${key}:${settings.values[key]}`]);
	const host = new URL(settings.values.APP_URL).hostname;
	const domain = plan.role === 'app' && !host.endsWith('.workers.dev') ? ['--domain', host] : [];
	return ['deploy', ...targetArgs(plan), ...vars, ...domain, '--message', message];
}
