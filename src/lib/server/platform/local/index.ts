/**
 * Wires the Node adapters: `npm run dev`, tests, scripts and benchmarks. Control database,
 * one file per tenant, a folder for files, a captured mailbox, and the in-process queue and
 * ticker calling the same job handlers as the Cloudflare jobs worker. `npm run preview`
 * seeds through it with the databases behind the local Turso double instead of files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { migrateControl } from '../../db';
import { handleJob, runCronTick } from '../../jobs/runner';
import type { AppConfig, Clock, DatabaseLocator, Platform, TenantDatabaseProvisioner } from '../ports';
import { CapturedMailer } from './captured-mailer';
import { nodeConnector } from './connector';
import { folderFileStore } from './folder-file-store';
import { appFileLinks } from '../app-file-links';
import { devClock } from '../dev-clock';
import { InProcessQueue, type InProcessQueueOptions } from './in-process-queue';
import { fileProvisioner } from './provisioner';
import { newTokenKey, tenantTokenVault } from '../../tenancy/token-vault';

export interface LocalPlatformOptions {
	dataDir: string;
	config?: Partial<AppConfig>;
	clock?: Clock;
	queue?: InProcessQueueOptions;
	/** Keep the mailbox in a file so it survives restarts (dev server). */
	persistMail?: boolean;
	/** Use this mailbox instead (the preview shares one with its Resend double). */
	mailer?: CapturedMailer;
	/** Databases somewhere else than files under dataDir (the preview's local Turso). */
	databases?: { control: DatabaseLocator; provisioner: TenantDatabaseProvisioner };
	/** TENANT_TOKEN_KEYS for scripts run against a deployment; otherwise a key kept in
	 * `<dataDir>/tenant-token-keys` (local tenants are `file:` databases with no token, so it
	 * seals only what a provisioner with tokens, e.g. a local Turso double, hands out). */
	tenantTokenKeys?: string;
}

export interface LocalRuntime {
	platform: Platform;
	queue: InProcessQueue;
	mailer: CapturedMailer;
	/** Runs the cron handler every `intervalMs` until close(). */
	startTicker(intervalMs?: number): void;
	close(): void;
}

export const systemClock: Clock = { now: () => new Date() };

/** Copies property descriptors rather than values, so a getter passed in (the dev server's
 * origin, known only once it listens) is read each time a link is built. */
function localConfig(overrides: Partial<AppConfig> = {}): AppConfig {
	const defaults: AppConfig = { appUrl: 'http://localhost:5173', mailFrom: 'Tandem <hello@tandem.localhost>', devTools: true };
	return Object.defineProperties(defaults, Object.getOwnPropertyDescriptors(overrides));
}

/** The data folder's own key, made on first use; it never leaves the machine (`npm run
 * preview` hands it to its workers, which open what its seeding sealed). */
export function localTokenKeys(dataDir: string): string {
	const file = join(dataDir, 'tenant-token-keys');
	try {
		writeFileSync(file, `${newTokenKey()}\n`, { mode: 0o600, flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
	return readFileSync(file, 'utf8');
}

export async function createLocalRuntime(options: LocalPlatformOptions): Promise<LocalRuntime> {
	const dataDir = resolve(options.dataDir);
	mkdirSync(dataDir, { recursive: true });
	const connector = nodeConnector(options.databases?.control ?? { url: `file:${join(dataDir, 'control.db')}` });
	const queue = new InProcessQueue(options.queue);
	const mailer = options.mailer ?? new CapturedMailer(options.persistMail ? join(dataDir, 'mail.jsonl') : undefined);
	const config = localConfig(options.config);
	// Read through `platform.db`, so a test counting round trips on it sees the dev clock's too.
	const appClock = config.devTools ? devClock(options.clock ?? systemClock, () => platform.db.control()) : undefined;
	const clock = appClock ?? options.clock ?? systemClock;
	const tokenKeys = options.tenantTokenKeys ?? localTokenKeys(dataDir);
	const platform: Platform = {
		config,
		db: connector,
		provisioner: options.databases?.provisioner ?? fileProvisioner(dataDir),
		tokenVault: tenantTokenVault(tokenKeys),
		files: folderFileStore(join(dataDir, 'files')),
		// Links to the app's own /files/blob route, signed with the data folder's key.
		fileLinks: appFileLinks({ appUrl: () => config.appUrl, secret: tokenKeys, clock }),
		mailer,
		queue,
		clock,
		devMailbox: mailer,
		...(appClock ? { devClock: appClock } : {})
	};
	queue.consume((message) => handleJob(platform, message));
	await migrateControl(connector.control());
	let ticker: ReturnType<typeof setInterval> | undefined;
	return {
		platform,
		queue,
		mailer,
		startTicker(intervalMs = 60_000) {
			ticker = setInterval(() => {
				runCronTick(platform).catch((error) => console.error('cron tick failed:', error));
			}, intervalMs);
		},
		close() {
			if (ticker) clearInterval(ticker);
			connector.close();
		}
	};
}
