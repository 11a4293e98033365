/**
 * The production bundle, running the whole product on this machine: the app worker and the
 * jobs worker exactly as `wrangler deploy` would upload them, together in workerd, with
 * R2 and the job queue emulated by Miniflare (the engine inside `wrangler dev`), the cron
 * fired on a timer, and the outside services replaced by local doubles: the databases by
 * the local Turso (scripts/local-turso, Hrana over HTTP, Platform API for sign-up) and
 * Resend by scripts/local-resend, whose mailbox /dev/mail shows. No account, no network.
 *
 * Why Miniflare's API and not `wrangler dev -c wrangler.toml -c workers/jobs/wrangler.toml`:
 * in that mode the cron of the second worker cannot be fired (`/cdn-cgi/handler/scheduled`
 * reaches only the first worker, and wrangler's proxy consumes the header that would route
 * it to another), and wrangler dev rebundles from source, while this runs the bundles
 * `wrangler deploy --dry-run` writes: the bytes that ship. Bindings still come from the
 * tracked wrangler.toml files through wrangler's own reader.
 *
 * Used by `npm run preview` (cli.ts), the browser suite on the production runtime
 * (tests/e2e/run.ts) and the bench (bench/workerd.ts).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { createClient } from '@libsql/client/node';
import { Log, LogLevel, Miniflare, type WorkerOptions } from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import { createLocalRuntime, localTokenKeys } from '../../src/lib/server/platform/local';
import { CapturedMailer } from '../../src/lib/server/platform/local/captured-mailer';
import { folderFileStore } from '../../src/lib/server/platform/local/folder-file-store';
import { migrateEverything } from '../../src/lib/server/tenancy/migrate-all';
import { seedDemo } from '../../src/lib/server/demo/seed';
import { localTursoProvisioner, startLocalTurso, type LocalTurso } from '../local-turso/server';
import { startLocalResend } from '../local-resend/server';
import { freePort } from '../free-port';
import { WORKER_CONFIGS } from '../worker-configs';

export interface PreviewOptions {
	/** Databases, mailbox, R2 and queue state live here; kept between runs. */
	dataDir: string;
	/** Port of the app; 0 picks a free one. */
	port?: number;
	/** Port of the local Turso; 0 (default) picks a free one, and stored tenant addresses are repointed. */
	tursoPort?: number;
	/** Delay added to every database round trip, as a stand-in for the network hop to Turso. */
	rttMs?: number;
	/** How often the cron fires; 0 never (call fireCron). Production: every minute. */
	cronIntervalMs?: number;
	/** Seed the demo workspace on first run (default true). */
	seed?: boolean;
	/** Where worker and service output goes (default: this process's stdout). */
	output?: (line: string) => void;
}

export interface Preview {
	appUrl: string;
	turso: LocalTurso;
	/** Runs the jobs worker's scheduled() now, as the Cron Trigger does; resolves with its outcome. */
	fireCron(): Promise<string>;
	close(): Promise<void>;
}

const cron = '* * * * *';

export async function startPreview(options: PreviewOptions): Promise<Preview> {
	const dataDir = resolve(options.dataDir);
	mkdirSync(dataDir, { recursive: true });
	const output = options.output ?? ((line: string) => process.stdout.write(`${line}\n`));
	const bundles = bundleWorkers(join(dataDir, 'bundles'));
	const secrets = { platformToken: token(), resendKey: `re_${token()}` };

	const mailbox = new CapturedMailer(join(dataDir, 'mail.jsonl'));
	const resend = await startLocalResend({ mailbox, apiKey: secrets.resendKey });
	const turso = await startLocalTurso({ dataDir, port: options.tursoPort ?? 0, platformToken: secrets.platformToken });
	const control = await turso.ensureDatabase('control');
	const appPort = options.port ?? 0;

	// The app's origin is needed in email links before workerd listens: take the port now.
	const appUrl = `http://localhost:${appPort || (await freePort())}`;
	await prepareDatabases({ dataDir, appUrl, turso, control, mailbox, platformToken: secrets.platformToken, seed: options.seed ?? true });
	turso.setRtt(options.rttMs ?? 0);

	const vars = {
		APP_URL: appUrl,
		MAIL_FROM: 'Tandem <hello@tandem.localhost>',
		CONTROL_DB_URL: control.url,
		CONTROL_DB_TOKEN: control.authToken,
		TURSO_ORG: 'local',
		TURSO_GROUP: 'local',
		TURSO_API_TOKEN: secrets.platformToken,
		TURSO_API_URL: turso.origin,
		RESEND_API_KEY: secrets.resendKey,
		RESEND_API_URL: resend.origin,
		DEV_MAILBOX_URL: `${resend.origin}/mailbox`,
		// The seeding step sealed the demo's tenant tokens with this same key.
		TENANT_TOKEN_KEYS: localTokenKeys(dataDir).trim()
	};
	const mf = new Miniflare({
		host: '127.0.0.1',
		port: Number(new URL(appUrl).port),
		defaultPersistRoot: join(dataDir, 'workerd'),
		log: new Log(LogLevel.WARN),
		// The placeholder `request.cf`, instead of fetching Cloudflare's (no network here).
		cf: false,
		handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
			for (const stream of [stdout, stderr]) stream.on('data', (chunk: Buffer) => output(chunk.toString('utf8').trimEnd()));
		},
		workers: [worker('tandem-app', WORKER_CONFIGS.app, bundles.app, vars), worker('tandem-jobs', WORKER_CONFIGS.jobs, bundles.jobs, vars)]
	});
	await mf.ready;
	// The app worker keeps the dev clock's offset in memory and loads it only at /dev/clock:
	// load it now, so after a restart pages run as far ahead as the jobs worker does.
	await fetch(`${appUrl}/dev/clock`, { headers: { accept: 'application/json' } });
	await handFilesToR2(join(dataDir, 'files'), await mf.getR2Bucket('FILES', 'tandem-app'));

	const fireCron = async () => {
		const jobs = await mf.getWorker('tandem-jobs');
		const result = await jobs.scheduled({ cron, scheduledTime: new Date() });
		return result.outcome;
	};
	const ticker = options.cronIntervalMs === 0 ? undefined : setInterval(() => void fireCron().catch((error) => output(`cron: ${error}`)), options.cronIntervalMs ?? 60_000);

	return {
		appUrl,
		turso,
		fireCron,
		async close() {
			if (ticker) clearInterval(ticker);
			await mf.dispose();
			await Promise.all([turso.close(), resend.close()]);
		}
	};
}

/** Writes both bundles exactly as `wrangler deploy` would upload them (no upload). The app
 * worker's bundle wraps `npm run build`'s output, which must exist. */
export function bundleWorkers(outDir: string): { app: string; jobs: string } {
	const bundle = (config: string, name: string) => {
		const dir = join(outDir, name);
		const run = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--env', '', '--outdir', dir, '-c', config], {
			encoding: 'utf8',
			env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' }
		});
		if (run.status !== 0) throw new Error(`Bundling ${config} failed (did \`npm run build\` run?):\n${run.stdout}\n${run.stderr}`);
		return dir;
	};
	return { app: bundle(WORKER_CONFIGS.app, 'app'), jobs: bundle(WORKER_CONFIGS.jobs, 'jobs') };
}

/** A worker as its wrangler.toml declares it (R2, queue producer/consumer, compatibility),
 * running its deploy bundle, with the preview's variables and secrets. */
function worker(name: string, config: string, bundleDir: string, vars: Record<string, string>): WorkerOptions {
	const { workerOptions, main } = unstable_getMiniflareWorkerOptions(config);
	// wrangler names the bundle after the entry point: _worker.js, or index.ts -> index.js
	const entry = join(bundleDir, basename(main!).replace(/\.ts$/, '.js'));
	return {
		...workerOptions,
		name,
		// One module: the bundle is self-contained (it imports only node: built-ins).
		modulesRoot: bundleDir,
		modules: [{ type: 'ESModule', path: entry }],
		bindings: { ...workerOptions.bindings, ...vars }
	} as WorkerOptions;
}

/** Migrates the control plane and every tenant through the local Turso, repoints tenants
 * stored under an earlier port, and seeds the demo on first run, all through the same
 * provisioning code as production (only the Platform API's address differs). */
async function prepareDatabases(input: {
	dataDir: string;
	appUrl: string;
	turso: LocalTurso;
	control: { url: string; authToken: string };
	mailbox: CapturedMailer;
	platformToken: string;
	seed: boolean;
}) {
	await repointTenants(input.control, input.turso);
	const runtime = await createLocalRuntime({
		dataDir: input.dataDir,
		mailer: input.mailbox,
		config: { appUrl: input.appUrl, devTools: false },
		databases: { control: input.control, provisioner: localTursoProvisioner(input.turso, input.platformToken) }
	});
	try {
		const report = await migrateEverything(runtime.platform);
		for (const tenant of report.tenants.filter((t) => !t.ok)) console.warn(`! tenant ${tenant.slug} did not migrate: ${tenant.error}`);
		if (input.seed) await seedDemo(runtime.platform);
		await runtime.queue.drain();
	} finally {
		runtime.close();
	}
}

/** The local Turso may listen on another port than when a tenant was created: point every
 * stored tenant address at where it listens now (what a restore does with a new database). */
async function repointTenants(control: { url: string; authToken: string }, turso: LocalTurso) {
	const client = createClient(control);
	try {
		const table = await client.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tenants'");
		if (table.rows.length === 0) return;
		await client.execute({
			sql: "UPDATE tenants SET db_url = ? || substr(db_url, instr(db_url, '/db/')) WHERE db_url LIKE 'http://127.0.0.1:%/db/%'",
			args: [turso.origin]
		});
	} finally {
		client.close();
	}
}

function token(): string {
	return randomBytes(24).toString('base64url');
}

/** The demo is seeded in Node, whose file store is a folder under the data directory: its
 * files (the demo's uploads) go into the R2 bucket the workers read, as they would have had a
 * browser uploaded them. Repeating it on a restart puts the same bytes again. */
async function handFilesToR2(folder: string, bucket: Awaited<ReturnType<Miniflare['getR2Bucket']>>) {
	if (!existsSync(folder)) return;
	const store = folderFileStore(folder);
	const keys = readdirSync(folder, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && !entry.name.endsWith('.meta.json'))
		.map((entry) => relative(folder, join(entry.parentPath, entry.name)))
		.filter((key) => key.startsWith('tenants/'));
	for (const key of keys) {
		const file = await store.get(key);
		if (file) await bucket.put(key, await new Response(file.body).arrayBuffer(), { httpMetadata: { contentType: file.contentType } });
	}
}
