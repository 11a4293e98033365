/**
 * The only doors from server logic to the outside world. Each runtime wires its own
 * adapters in one place: `local/` for `npm run dev`, tests and scripts (Node), and
 * `cloudflare/` for the Workers (app worker and jobs worker).
 */
import type { Client } from '@libsql/client';
import type { JobMessage } from '../jobs/messages';
import type { EmailAttachment } from '../db/control/schema';
import type { DevClock } from './dev-clock';

/** Where a database lives: a libSQL URL (`file:` locally, `libsql://` on Turso) and its token. */
export interface DatabaseLocator {
	url: string;
	authToken?: string | null;
}

/** Opens libSQL clients. Workers must not reuse I/O objects across requests, so callers
 * ask for a client per request and adapters decide whether caching is safe. */
export interface DatabaseConnector {
	control(): Client;
	open(locator: DatabaseLocator): Client;
}

/** Creates the physical database for a new tenant. Must be idempotent: asking twice for
 * the same name returns the same locator instead of failing. */
export interface TenantDatabaseProvisioner {
	provision(databaseName: string): Promise<DatabaseLocator>;
}

/** Tenant database tokens at rest: the control plane stores only what `seal` returns. The
 * database name is bound in, so a sealed token moved onto another tenant's row does not open. */
export interface TokenVault {
	seal(token: string, databaseName: string): Promise<string>;
	/** The token; a value stored before encryption (no `v1:` prefix) opens as itself. */
	open(stored: string, databaseName: string): Promise<string>;
}

export interface StoredFile {
	body: ReadableStream<Uint8Array>;
	size: number;
	contentType: string;
}

export interface FileStore {
	put(key: string, body: ArrayBuffer | Uint8Array, contentType: string): Promise<void>;
	get(key: string): Promise<StoredFile | null>;
	/** The first `length` bytes (fewer when the object is shorter) and the object's whole size,
	 * without reading the rest: how a finished upload's content is checked. */
	readStart(key: string, length: number): Promise<{ bytes: Uint8Array; size: number } | null>;
	/** The bytes from `offset` (below the object's size) to the end, as a stream the caller
	 * may cancel once it has read enough: how a job reads one chunk of a large upload. */
	readFrom(key: string, offset: number): Promise<ReadableStream<Uint8Array> | null>;
	/** Writes a stream of exactly `size` bytes without holding it in memory (R2 must know
	 * the length up front): how an export's parts become one file. */
	putStream(key: string, body: ReadableStream<Uint8Array>, size: number, contentType: string): Promise<void>;
	delete(key: string): Promise<void>;
}

/** Short-lived signed links through which a browser puts and gets a file's bytes directly,
 * so they never stream through the app. Production presigns R2 (cloudflare/presign.ts);
 * local runs sign links to the app's own /files/blob route (platform/app-file-links.ts). */
export interface FileLinks {
	/** A PUT that must carry exactly `contentType`. */
	uploadUrl(key: string, options: { contentType: string; expiresInSeconds: number }): Promise<string>;
	/** A GET answering with `contentType`, shown in place (`inline`) or saved as `name`. */
	downloadUrl(key: string, options: { name: string; contentType: string; inline: boolean; expiresInSeconds: number }): Promise<string>;
}

export interface OutgoingEmail {
	to: string;
	subject: string;
	text: string;
	html: string;
	/** Where replies go (a workspace's Settings > Workspace "Reply-to address"); else to the sender. */
	replyTo?: string;
	/** Files sent with it, as text (a session's .ics invitation). */
	attachments?: EmailAttachment[];
}

export type SendResult =
	| { ok: true; providerId: string }
	| { ok: false; retryable: boolean; retryAfterSeconds?: number; error: string };

/** Sends one email. The idempotency key makes a repeated call with the same key a no-op
 * that reports the first result (Resend keeps keys for 24 h; the local outbox forever). */
export interface Mailer {
	send(email: OutgoingEmail, idempotencyKey: string): Promise<SendResult>;
}

/** Carries the job messages of jobs/messages.ts (small, keyed, naming their tenant);
 * producers go through `enqueue`, which validates them first. */
export interface JobQueue {
	send(message: JobMessage, options?: { delaySeconds?: number }): Promise<void>;
}

export interface Clock {
	now(): Date;
}

export interface AppConfig {
	/** Public origin of the app, e.g. https://app.tandem.coach; used in email links and origin checks. */
	appUrl: string;
	/** Sender address for all email. */
	mailFrom: string;
	/** True only in local development, tests and `npm run preview`: enables /dev/mail and /dev/clock. */
	devTools: boolean;
}

export interface CapturedEmail extends OutgoingEmail {
	id: string;
	idempotencyKey: string;
	sentAt: string;
}

/** Local runs only: what the mailer captured instead of sending, shown at /dev/mail. */
export interface DevMailbox {
	list(): CapturedEmail[] | Promise<CapturedEmail[]>;
}

/** Everything server logic may touch, handed down explicitly (no globals). */
export interface Platform {
	config: AppConfig;
	db: DatabaseConnector;
	provisioner: TenantDatabaseProvisioner;
	tokenVault: TokenVault;
	files: FileStore;
	fileLinks: FileLinks;
	mailer: Mailer;
	queue: JobQueue;
	/** The dev clock itself when dev tools are on (platform/dev-clock.ts). */
	clock: Clock;
	devMailbox?: DevMailbox;
	/** Dev tools only: the same object as `clock`, which /dev/clock moves forward. */
	devClock?: DevClock;
}
