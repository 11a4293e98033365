/**
 * The databases the local Turso double knows and the bearer tokens that open each one, kept
 * in `<dataDir>/local-turso-tokens.json` so a restarted server still accepts the tokens the
 * control plane stored in its `tenants` rows.
 *
 * Turso's database tokens are JWTs signed with a key of the database's group; clients treat
 * them as opaque, so ours are random strings and the file keeps only their SHA-256 hashes. A
 * token opens the one database it was minted for. Rotating a database forgets all of its
 * tokens, as Turso's "invalidate tokens" does (Turso rotates the whole group's key; here the
 * scope is the database, which is what the app's rotation command relies on).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

const databaseRecord = z.object({
	dbId: z.string(),
	group: z.string().nullable(),
	tokenHashes: z.array(z.string())
});
export type DatabaseRecord = z.infer<typeof databaseRecord>;
const registryFile = z.object({ version: z.literal(1), databases: z.record(z.string(), databaseRecord) });

export const TOKENS_FILE = 'local-turso-tokens.json';

export class TokenRegistry {
	private readonly databases: Map<string, DatabaseRecord>;

	constructor(private readonly file: string) {
		this.databases = new Map(Object.entries(existsSync(file) ? readRegistry(file) : {}));
	}

	get(name: string): DatabaseRecord | undefined {
		return this.databases.get(name);
	}

	/** The record of `name`, made on first sight (also for databases `npm run dev` created). */
	register(name: string, group: string | null): DatabaseRecord {
		let record = this.databases.get(name);
		if (!record) {
			record = { dbId: randomUUID(), group, tokenHashes: [] };
			this.databases.set(name, record);
			this.save();
		}
		return record;
	}

	mint(name: string): string {
		const token = randomBytes(32).toString('base64url');
		this.register(name, null).tokenHashes.push(hash(token));
		this.save();
		return token;
	}

	opens(name: string, token: string): boolean {
		return this.databases.get(name)?.tokenHashes.includes(hash(token)) ?? false;
	}

	revokeAll(name: string): void {
		const record = this.databases.get(name);
		if (!record) return;
		record.tokenHashes = [];
		this.save();
	}

	/** Written to a temporary file and renamed, so a crash never leaves half a registry. */
	private save(): void {
		mkdirSync(dirname(this.file), { recursive: true });
		const temporary = `${this.file}.${process.pid}.tmp`;
		writeFileSync(temporary, JSON.stringify({ version: 1, databases: Object.fromEntries(this.databases) }, null, '\t'));
		renameSync(temporary, this.file);
	}
}

function readRegistry(file: string): Record<string, DatabaseRecord> {
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		json = undefined;
	}
	const parsed = registryFile.safeParse(json);
	if (!parsed.success) throw new Error(`${file} is not a local Turso token registry; delete it to start afresh.`);
	return parsed.data.databases;
}

function hash(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}
