/**
 * The Cloudflare runtime's wiring of the platform ports, shared by the app worker
 * (hooks.server.ts, from `event.platform.env`) and the jobs worker (workers/jobs/index.ts).
 *
 * Adapters are built lazily on first use, so a request that needs no email never checks
 * RESEND_API_KEY, and a Worker booted without secrets (CI's workerd smoke test) still serves
 * pages that touch no database. Building per request is cheap: only configuration is read,
 * and database clients are made fresh on every `db.control()` / `db.open()` call.
 *
 * Signed file links (presigned R2 URLs) are handed in by the app worker (`./file-links`), so
 * the AWS SDK only lands in the bundle that uses it; the jobs worker signs no links.
 */
import type { CapturedEmail, DevMailbox, FileLinks, Mailer, OutgoingEmail, Platform } from '../ports';
import type { CloudflareEnv } from './env';
import { cloudflareConnector } from './connector';
import { r2FileStore } from './r2-file-store';
import { cloudflareQueue } from './queue';
import { resendMailer, type ResendMailer } from './resend-mailer';
import { localTursoOptions, TENANT_TOKEN_EXPIRATION, tursoProvisioner } from './turso-provisioner';
import { tenantTokenVault } from '../../tenancy/token-vault';
import { devClock, type ClockOffset } from '../dev-clock';

export type { CloudflareEnv } from './env';

function lazy<T extends object>(make: () => T): () => T {
	let value: T | undefined;
	return () => (value ??= make());
}

const noFileLinks: FileLinks = {
	uploadUrl: async () => {
		throw new Error('This worker signs no file links (only the app worker does).');
	},
	downloadUrl: async () => {
		throw new Error('This worker signs no file links (only the app worker does).');
	}
};

const systemClock = { now: () => new Date() };

/** The dev clock's offset in this isolate: platforms are built per request, the offset
 * outlives them. Only /dev/clock (app worker) and each invocation (jobs worker) reload it. */
const isolateClockOffset: ClockOffset = { ms: 0 };

export function cloudflarePlatform(env: CloudflareEnv, links?: (clock: Platform['clock']) => FileLinks): Platform {
	const appUrl = (env.APP_URL ?? '').replace(/\/+$/, '');
	if (!appUrl) throw new Error('APP_URL is not set (wrangler.toml [vars]).');

	const db = lazy(() =>
		cloudflareConnector({ controlUrl: env.CONTROL_DB_URL, controlToken: env.CONTROL_DB_TOKEN })
	);
	const provisioner = lazy(() =>
		tursoProvisioner({
			org: env.TURSO_ORG,
			group: env.TURSO_GROUP,
			apiToken: env.TURSO_API_TOKEN,
			tokenExpiration: TENANT_TOKEN_EXPIRATION,
			...localTursoOptions(env.TURSO_API_URL)
		})
	);
	const files = lazy(() => {
		if (!env.FILES) throw new Error('The FILES R2 binding is missing (wrangler.toml [[r2_buckets]]).');
		return r2FileStore(env.FILES);
	});
	const queue = lazy(() => {
		if (!env.JOBS) throw new Error('The JOBS queue binding is missing (wrangler.toml [[queues.producers]]).');
		return cloudflareQueue(env.JOBS);
	});
	// Short rate-limit waits (retry-after <= 2 s) are absorbed in place, twice, so bursts do
	// not burn the queue's retries; longer ones go back to the queue with their delay.
	const mailer = lazy(() =>
		resendMailer({
			apiKey: env.RESEND_API_KEY,
			from: env.MAIL_FROM,
			baseUrl: env.RESEND_API_URL || undefined,
			rateLimitRetries: 2,
			maxInlineWaitSeconds: 2
		})
	);

	/** A Mailer that also offers Resend's batch endpoint (up to 100 emails, all or nothing). */
	const batchingMailer: Mailer & Pick<ResendMailer, 'sendBatch'> = {
		send: async (email, key) => mailer().send(email, key),
		sendBatch: async (emails: OutgoingEmail[], key: string) => mailer().sendBatch(emails, key)
	};

	const devMailbox = previewMailbox(env.DEV_MAILBOX_URL, appUrl);
	const devTools = Boolean(devMailbox);
	const appClock = devTools ? devClock(systemClock, () => db().control(), isolateClockOffset) : undefined;
	const clock = appClock ?? systemClock;
	return {
		config: { appUrl, mailFrom: env.MAIL_FROM ?? '', devTools },
		db: {
			control: () => db().control(),
			open: (locator) => db().open(locator)
		},
		// async wrappers so a missing secret or binding rejects the promise instead of throwing
		provisioner: { provision: async (name) => provisioner().provision(name) },
		// Imports its keys on first seal or open, once per isolate (a missing secret rejects then).
		tokenVault: tenantTokenVault(env.TENANT_TOKEN_KEYS),
		files: {
			put: async (key, body, contentType) => files().put(key, body, contentType),
			get: async (key) => files().get(key),
			readStart: async (key, length) => files().readStart(key, length),
			readFrom: async (key, offset) => files().readFrom(key, offset),
			putStream: async (key, body, size, contentType) => files().putStream(key, body, size, contentType),
			delete: async (key) => files().delete(key)
		},
		fileLinks: links?.(clock) ?? noFileLinks,
		mailer: batchingMailer,
		queue: { send: async (message, options) => queue().send(message, options) },
		clock,
		...(devMailbox ? { devMailbox } : {}),
		...(appClock ? { devClock: appClock } : {})
	};
}

/** `npm run preview` shows the local Resend double's mailbox at /dev/mail. Only ever for an
 * app served from this machine, so a stray variable in a real deployment opens nothing. */
function previewMailbox(mailboxUrl: string | undefined, appUrl: string): DevMailbox | undefined {
	if (!mailboxUrl || !['localhost', '127.0.0.1'].includes(new URL(appUrl).hostname)) return undefined;
	return {
		async list() {
			const response = await fetch(mailboxUrl);
			if (!response.ok) throw new Error(`The preview mailbox at ${mailboxUrl} answered ${response.status}.`);
			return (await response.json()) as CapturedEmail[];
		}
	};
}
