/**
 * Hrana streams over the local database files: one libSQL connection per database, one async
 * lock per database, and batons that tie a stream's HTTP requests together.
 *
 * Why one connection and a lock: libsql's API is synchronous and its busy wait blocks Node's
 * only thread, so two connections of this process waiting on each other's write lock would
 * hang the server. Instead every pipeline request takes its database's lock, runs all its
 * stream requests synchronously on the one connection, and gives the lock back, unless the
 * stream is left inside a transaction (an interactive `client.transaction()`): then the
 * stream keeps the lock across requests until it commits, rolls back, closes, or sits idle
 * for `idleMs` (10 s, as sqld expires idle streams), when it is rolled back. A batch runs
 * inside one request, so it is atomic with respect to every other stream. Reads of other
 * databases never wait. The price, compared with sqld: streams share the connection's
 * settings (a PRAGMA one sets is seen by the next), and a reader waits for an open
 * transaction instead of reading the last committed state.
 *
 * Batons (HTTP_V2_SPEC.md, "Execute requests on a stream"): 32 random bytes, a new one in
 * every response, each accepted once and only on the database that issued it; `base_url` is
 * always null (one server, nothing to stick to).
 */
import { randomBytes } from 'node:crypto';
import Database from 'libsql';
import { runStreamRequest, type StreamRequest, type StreamResultJson, type StreamSqlStore } from './hrana';

type Release = () => void;

/** A FIFO mutex: each holder runs after the previous one releases. */
class AsyncLock {
	private tail: Promise<void> = Promise.resolve();

	acquire(): Promise<Release> {
		let release!: Release;
		const released = new Promise<void>((resolve) => (release = resolve));
		const acquired = this.tail.then(() => release);
		this.tail = this.tail.then(() => released);
		return acquired;
	}
}

interface LocalDatabase {
	name: string;
	connection: Database.Database;
	lock: AsyncLock;
}

interface Stream extends StreamSqlStore {
	database: LocalDatabase;
	/** Set while the stream holds its database's lock (during a request, or inside a transaction). */
	release: Release | null;
	expiry?: ReturnType<typeof setTimeout>;
}

export type PipelineOutcome =
	| { ok: true; body: { baton: string | null; base_url: null; results: StreamResultJson[] } }
	| { ok: false; status: number; message: string; code: string };

export class StreamHub {
	private readonly databases = new Map<string, LocalDatabase>();
	private readonly streams = new Map<string, Stream>();

	constructor(
		private readonly fileOf: (name: string) => string,
		private readonly idleMs = 10_000
	) {}

	/** Opens (and so creates) the database file; later calls reuse the connection. */
	database(name: string): LocalDatabase {
		let database = this.databases.get(name);
		if (!database) {
			database = { name, connection: new Database(this.fileOf(name)), lock: new AsyncLock() };
			this.databases.set(name, database);
		}
		return database;
	}

	async pipeline(name: string, baton: string | null | undefined, requests: StreamRequest[]): Promise<PipelineOutcome> {
		const stream = baton ? this.takeStream(name, baton) : { database: this.database(name), sqls: new Map(), release: null };
		if (!stream) {
			return { ok: false, status: 400, code: 'STREAM_EXPIRED', message: 'The stream has expired or its baton is not valid here; open a new stream.' };
		}
		stream.release ??= await stream.database.lock.acquire();
		try {
			const results: StreamResultJson[] = [];
			let closed = false;
			for (const request of requests) {
				results.push(closed ? streamClosed() : runStreamRequest(stream.database.connection, stream, request));
				closed ||= request.type === 'close';
			}
			if (closed) this.end(stream);
			return { ok: true, body: { baton: closed ? null : this.park(stream), base_url: null, results } };
		} catch (error) {
			this.end(stream);
			throw error;
		}
	}

	close(): void {
		for (const stream of this.streams.values()) clearTimeout(stream.expiry);
		this.streams.clear();
		for (const database of this.databases.values()) database.connection.close();
		this.databases.clear();
	}

	private takeStream(name: string, baton: string): Stream | undefined {
		const stream = this.streams.get(baton);
		if (!stream || stream.database.name !== name) return undefined;
		this.streams.delete(baton);
		clearTimeout(stream.expiry);
		return stream;
	}

	/** Hands the lock back unless a transaction is open, and issues the stream's next baton. */
	private park(stream: Stream): string {
		if (!stream.database.connection.inTransaction) {
			stream.release?.();
			stream.release = null;
		}
		const baton = randomBytes(32).toString('base64url');
		this.streams.set(baton, stream);
		stream.expiry = setTimeout(() => {
			this.streams.delete(baton);
			this.end(stream);
		}, this.idleMs);
		stream.expiry.unref();
		return baton;
	}

	/** Rolls back what the stream left open and frees its database for the next one. */
	private end(stream: Stream): void {
		if (stream.release && stream.database.connection.inTransaction) stream.database.connection.exec('ROLLBACK');
		stream.release?.();
		stream.release = null;
	}
}

function streamClosed(): StreamResultJson {
	return { type: 'error', error: { message: 'The stream was closed earlier in this pipeline.', code: 'STREAM_CLOSED' } };
}
