/**
 * Hrana 2 stream requests (JSON encoding) executed on one libSQL connection: the part of the
 * local Turso double that speaks the protocol. The connection is the `libsql` npm package,
 * the engine Turso runs, so SQL behaves as it does there (foreign keys on, same errors).
 *
 * Shapes, from the spec and from the client that reads them:
 * - Requests and responses of a pipeline: https://github.com/tursodatabase/libsql/blob/main/docs/HTTP_V2_SPEC.md
 * - Stmt, StmtResult, Batch and its conditions, Value: https://github.com/tursodatabase/libsql/blob/main/docs/HRANA_1_SPEC.md
 *   and the version 2 additions (sequence, describe, store_sql, close_sql, decltype, want_rows
 *   defaulting to true): https://github.com/tursodatabase/libsql/blob/main/docs/HRANA_2_SPEC.md
 * - What @libsql/client 0.18 sends and parses: node_modules/@libsql/hrana-client/lib-esm/shared/json_{encode,decode}.js
 *   and http/json_{encode,decode}.js (integers as decimal strings, blobs as base64).
 * - Errors as sqld writes them (libsql-server/src/hrana/stmt.rs): message "SQLite error: <sqlite's text>",
 *   code the primary result code name (`SQLITE_CONSTRAINT`, not the extended `..._UNIQUE`).
 *
 * `get_autocommit` and the `is_autocommit` condition belong to Hrana 3; they are answered too,
 * since they cost one line each. `rows_read`/`rows_written` are left out (optional, and
 * libsql's statement API does not report them).
 */
import type Database from 'libsql';
import { z } from 'zod';

const value = z.discriminatedUnion('type', [
	z.object({ type: z.literal('null') }),
	z.object({ type: z.literal('integer'), value: z.string().regex(/^-?\d+$/) }),
	z.object({ type: z.literal('float'), value: z.number() }),
	z.object({ type: z.literal('text'), value: z.string() }),
	z.object({ type: z.literal('blob'), base64: z.string() })
]);
type ValueJson = z.infer<typeof value>;

const sqlSource = { sql: z.string().nullish(), sql_id: z.number().int().nullish() };

const stmt = z.object({
	...sqlSource,
	args: z.array(value).default([]),
	named_args: z.array(z.object({ name: z.string(), value })).default([]),
	want_rows: z.boolean().default(true)
});
type Stmt = z.infer<typeof stmt>;

type BatchCond =
	| { type: 'ok' | 'error'; step: number }
	| { type: 'not'; cond: BatchCond }
	| { type: 'and' | 'or'; conds: BatchCond[] }
	| { type: 'is_autocommit' };

const batchCond: z.ZodType<BatchCond> = z.lazy(() =>
	z.union([
		z.object({ type: z.enum(['ok', 'error']), step: z.number().int().nonnegative() }),
		z.object({ type: z.literal('not'), cond: batchCond }),
		z.object({ type: z.enum(['and', 'or']), conds: z.array(batchCond) }),
		z.object({ type: z.literal('is_autocommit') })
	])
);

const batch = z.object({ steps: z.array(z.object({ condition: batchCond.nullish(), stmt })) });

const streamRequest = z.discriminatedUnion('type', [
	z.object({ type: z.literal('close') }),
	z.object({ type: z.literal('execute'), stmt }),
	z.object({ type: z.literal('batch'), batch }),
	z.object({ type: z.literal('sequence'), ...sqlSource }),
	z.object({ type: z.literal('describe'), ...sqlSource }),
	z.object({ type: z.literal('store_sql'), sql_id: z.number().int(), sql: z.string() }),
	z.object({ type: z.literal('close_sql'), sql_id: z.number().int() }),
	z.object({ type: z.literal('get_autocommit') })
]);
export type StreamRequest = z.infer<typeof streamRequest>;

export const pipelineRequestBody = z.object({ baton: z.string().nullish(), requests: z.array(streamRequest) });

export interface ErrorJson {
	message: string;
	code: string;
}
interface ColJson {
	name: string | null;
	decltype: string | null;
}
interface StmtResultJson {
	cols: ColJson[];
	rows: ValueJson[][];
	affected_row_count: number;
	last_insert_rowid: string | null;
}
type StreamResponseJson =
	| { type: 'close' | 'sequence' | 'store_sql' | 'close_sql' }
	| { type: 'execute'; result: StmtResultJson }
	| { type: 'batch'; result: { step_results: (StmtResultJson | null)[]; step_errors: (ErrorJson | null)[] } }
	| {
			type: 'describe';
			result: { params: { name: string | null }[]; cols: ColJson[]; is_explain: boolean; is_readonly: boolean };
	  }
	| { type: 'get_autocommit'; is_autocommit: boolean };
export type StreamResultJson = { type: 'ok'; response: StreamResponseJson } | { type: 'error'; error: ErrorJson };

/** A request the client got wrong (unknown sql_id, both kinds of arguments): reported in
 * its result slot, as sqld does, instead of failing the whole pipeline. */
class HranaError extends Error {
	constructor(
		message: string,
		readonly code: string
	) {
		super(message);
	}
}

/** What a stream keeps between requests besides its connection: its stored SQL texts. */
export interface StreamSqlStore {
	sqls: Map<number, string>;
}

/** Runs one stream request. `close` only answers here; ending the stream is the caller's. */
export function runStreamRequest(db: Database.Database, stream: StreamSqlStore, request: StreamRequest): StreamResultJson {
	try {
		return { type: 'ok', response: respond(db, stream, request) };
	} catch (error) {
		return { type: 'error', error: protoError(error) };
	}
}

function respond(db: Database.Database, stream: StreamSqlStore, request: StreamRequest): StreamResponseJson {
	switch (request.type) {
		case 'close':
			return { type: 'close' };
		case 'store_sql':
			stream.sqls.set(request.sql_id, request.sql);
			return { type: 'store_sql' };
		case 'close_sql':
			stream.sqls.delete(request.sql_id);
			return { type: 'close_sql' };
		case 'execute':
			return { type: 'execute', result: executeStmt(db, stream, request.stmt) };
		case 'batch':
			return { type: 'batch', result: runBatch(db, stream, request.batch.steps) };
		case 'sequence':
			db.exec(sqlText(stream, request));
			return { type: 'sequence' };
		case 'describe':
			return { type: 'describe', result: describe(db, sqlText(stream, request)) };
		case 'get_autocommit':
			return { type: 'get_autocommit', is_autocommit: !db.inTransaction };
	}
}

function sqlText(stream: StreamSqlStore, source: { sql?: string | null; sql_id?: number | null }): string {
	const hasSql = source.sql !== undefined && source.sql !== null;
	const hasId = source.sql_id !== undefined && source.sql_id !== null;
	if (hasSql === hasId) throw new HranaError('Exactly one of "sql" and "sql_id" must be given.', 'SQL_ID_OR_SQL_REQUIRED');
	if (hasSql) return source.sql as string;
	const stored = stream.sqls.get(source.sql_id as number);
	if (stored === undefined) throw new HranaError(`No SQL text is stored under id ${source.sql_id} on this stream.`, 'SQL_NOT_FOUND');
	return stored;
}

function executeStmt(db: Database.Database, stream: StreamSqlStore, statement: Stmt): StmtResultJson {
	const prepared = db.prepare(sqlText(stream, statement));
	prepared.safeIntegers(true);
	const args = bindings(statement);
	const totalBefore = changeCounters(db).total;
	let cols: ColJson[] = [];
	let rows: unknown[][] = [];
	if (prepared.reader) {
		prepared.raw(true);
		cols = prepared.columns().map((column) => ({ name: column.name, decltype: column.type }));
		rows = prepared.all(args) as unknown[][];
	} else {
		prepared.run(args);
	}
	const after = changeCounters(db);
	return {
		cols,
		rows: statement.want_rows ? rows.map((row) => row.map(encodeValue)) : [],
		// changes() keeps the count of the last INSERT/UPDATE/DELETE, so a SELECT or a CREATE
		// after a write would repeat it: trust it only if this statement moved total_changes().
		affected_row_count: after.total === totalBefore ? 0 : after.changes,
		last_insert_rowid: String(after.lastInsertRowid)
	};
}

const counterStatements = new WeakMap<Database.Database, Database.Statement>();

function changeCounters(db: Database.Database): { total: bigint; changes: number; lastInsertRowid: bigint } {
	let statement = counterStatements.get(db);
	if (!statement) {
		statement = db.prepare('SELECT total_changes(), changes(), last_insert_rowid()').safeIntegers(true).raw(true);
		counterStatements.set(db, statement);
	}
	const [total, changes, lastInsertRowid] = statement.get() as [bigint, bigint, bigint];
	return { total, changes: Number(changes), lastInsertRowid };
}

function bindings(statement: Stmt): unknown[] | Record<string, unknown> {
	if (statement.args.length > 0 && statement.named_args.length > 0) {
		throw new HranaError('Specifying both positional and named arguments is not supported.', 'ARGS_BOTH_POSITIONAL_AND_NAMED');
	}
	if (statement.named_args.length === 0) return statement.args.map(decodeValue);
	// libsql binds `:name`, `@name` and `$name` from the bare name; Hrana sends either form.
	return Object.fromEntries(statement.named_args.map(({ name, value }) => [name.replace(/^[:@$]/, ''), decodeValue(value)]));
}

function runBatch(
	db: Database.Database,
	stream: StreamSqlStore,
	steps: { condition?: BatchCond | null; stmt: Stmt }[]
): { step_results: (StmtResultJson | null)[]; step_errors: (ErrorJson | null)[] } {
	const results: (StmtResultJson | null)[] = [];
	const errors: (ErrorJson | null)[] = [];
	steps.forEach((step, index) => {
		results.push(null);
		errors.push(null);
		if (step.condition && !holds(step.condition, index, { db, results, errors })) return;
		try {
			results[index] = executeStmt(db, stream, step.stmt);
		} catch (error) {
			errors[index] = protoError(error);
		}
	});
	return { step_results: results, step_errors: errors };
}

function holds(
	condition: BatchCond,
	current: number,
	batch: { db: Database.Database; results: (StmtResultJson | null)[]; errors: (ErrorJson | null)[] }
): boolean {
	switch (condition.type) {
		case 'ok':
		case 'error':
			if (condition.step >= current) {
				throw new HranaError(`Batch step ${current} has a condition on step ${condition.step}, which has not run yet.`, 'BATCH_COND_INVALID');
			}
			return (condition.type === 'ok' ? batch.results : batch.errors)[condition.step] !== null;
		case 'not':
			return !holds(condition.cond, current, batch);
		case 'and':
			return condition.conds.every((inner) => holds(inner, current, batch));
		case 'or':
			return condition.conds.some((inner) => holds(inner, current, batch));
		case 'is_autocommit':
			return !batch.db.inTransaction;
	}
}

/** The statement's parameters and whether it writes, read from its bytecode (libsql's
 * statement API exposes neither): `Variable` carries each parameter's index and name, and a
 * `Transaction` opcode with P2 != 0 opens a write transaction. */
function describe(db: Database.Database, sql: string) {
	const isExplain = /^\s*EXPLAIN\b/i.test(sql);
	const columns = db.prepare(sql).columns();
	const program = isExplain
		? []
		: (db.prepare(`EXPLAIN ${sql}`).all() as { opcode: string; p1: number; p2: number; p4: string | null }[]);
	const params: { name: string | null }[] = [];
	for (const op of program.filter((row) => row.opcode === 'Variable')) {
		while (params.length < op.p1) params.push({ name: null });
		params[op.p1 - 1] = { name: op.p4 };
	}
	return {
		params,
		cols: columns.map((column) => ({ name: column.name, decltype: column.type })),
		is_explain: isExplain,
		is_readonly: !program.some((row) => row.opcode === 'Transaction' && row.p2 !== 0)
	};
}

function decodeValue(json: ValueJson): unknown {
	switch (json.type) {
		case 'null':
			return null;
		case 'integer':
			return BigInt(json.value);
		case 'float':
		case 'text':
			return json.value;
		case 'blob':
			return Buffer.from(json.base64, 'base64');
	}
}

function encodeValue(sqlValue: unknown): ValueJson {
	if (sqlValue === null || sqlValue === undefined) return { type: 'null' };
	// safeIntegers(true): INTEGER comes back as bigint, so a number is always a REAL.
	if (typeof sqlValue === 'bigint') return { type: 'integer', value: sqlValue.toString() };
	if (typeof sqlValue === 'number') return { type: 'float', value: sqlValue };
	if (typeof sqlValue === 'string') return { type: 'text', value: sqlValue };
	if (sqlValue instanceof Uint8Array) return { type: 'blob', base64: Buffer.from(sqlValue).toString('base64') };
	throw new Error(`libsql returned a value of unexpected type ${typeof sqlValue}`);
}

function protoError(error: unknown): ErrorJson {
	if (error instanceof HranaError) return { message: error.message, code: error.code };
	const { code, message } = error as { code?: unknown; message?: unknown };
	if (typeof code === 'string' && code.startsWith('SQLITE_') && typeof message === 'string') {
		return { message: `SQLite error: ${message}`, code: code.match(/^SQLITE_[A-Z]+/)?.[0] ?? code };
	}
	throw error;
}
