/**
 * The one migration runner, for Node and Workers alike: it needs only a libSQL client.
 * Applied migrations are recorded in a table because `PRAGMA user_version` is read-only on
 * Turso Cloud. Each migration runs in one batch (a transaction) together with its record,
 * so a crash leaves it either wholly applied or not at all.
 */
import type { Client } from '@libsql/client';

export interface Migration {
	tag: string;
	statements: string[];
}

export interface MigrationResult {
	applied: string[];
	current: string | null;
}

const ensureTable = `CREATE TABLE IF NOT EXISTS _migrations (
	tag TEXT PRIMARY KEY NOT NULL,
	applied_at INTEGER NOT NULL
)`;

export async function appliedMigrations(client: Client): Promise<string[]> {
	await client.execute(ensureTable);
	const { rows } = await client.execute('SELECT tag FROM _migrations ORDER BY tag');
	return rows.map((row) => String(row.tag));
}

export async function migrate(client: Client, migrations: Migration[]): Promise<MigrationResult> {
	const done = new Set(await appliedMigrations(client));
	const applied: string[] = [];
	for (const migration of migrations) {
		if (done.has(migration.tag)) continue;
		await client.batch(
			[
				...migration.statements,
				{
					sql: 'INSERT INTO _migrations (tag, applied_at) VALUES (?, ?) ON CONFLICT (tag) DO NOTHING',
					args: [migration.tag, Date.now()]
				}
			],
			'write'
		);
		applied.push(migration.tag);
	}
	return { applied, current: latestTag(migrations) };
}

export function latestTag(migrations: Migration[]): string | null {
	return migrations.at(-1)?.tag ?? null;
}
