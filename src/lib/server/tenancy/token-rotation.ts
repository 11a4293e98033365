/**
 * `npm run tenants:rotate-tokens` (scripts/rotate-tenant-tokens.ts): replaces, reseals or
 * checks the tenant database tokens stored in the control plane, one line per tenant; one
 * tenant failing is reported and does not stop the others. Every mode is safe to re-run.
 *
 * - rotate (default): mints a new token per tenant and stores it sealed under the first key
 *   of TENANT_TOKEN_KEYS. The old token stays valid until it expires (Turso tokens cannot be
 *   revoked one by one), so no request fails meanwhile. Run it monthly: tokens live 90 days.
 * - reseal: no Turso call; re-encrypts every stored token under the first key (converting
 *   legacy plaintext). Key rotation: prepend a key, deploy, reseal, drop the old key.
 * - revoke: for a leaked token. Turso invalidates tokens per group (a grouped database has
 *   no keys of its own: docs.turso.tech/cli/db/tokens/invalidate), so this invalidates the
 *   whole tenant group once, then mints and stores every tenant's token; each tenant's
 *   requests fail from the invalidation until its new token is stored (seconds).
 * - check: lists tenants whose token expires within 14 days (or cannot be opened); the
 *   command exits 1 if there is one, for an operator's alert.
 */
import { and, asc, eq } from 'drizzle-orm';
import { databaseNameFor, openControlDb } from '../db';
import { tenants } from '../db/control/schema';
import type { Platform } from '../platform/ports';
import { fromBase64Url, sealedKeyId } from './token-vault';

/** What Turso's Platform API offers here (TursoProvisioner implements it). */
export interface TokenMinter {
	mintToken(databaseName: string): Promise<string>;
	databaseNameAt(url: string): string;
	invalidateGroupTokens(): Promise<void>;
}

export type TokenCommand = 'rotate' | 'reseal' | 'revoke' | 'check';

export interface TenantTokenReport {
	slug: string;
	ok: boolean;
	message: string;
}

export const EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 86_400_000;

interface StoredToken {
	id: string;
	slug: string;
	/** The tenant's logical name, which sealing binds the token to (it survives a restore). */
	databaseName: string;
	dbUrl: string;
	stored: string;
}

/** Runs `work` for every tenant holding a token, in slug order; the rest are reported as skipped. */
async function forEachStoredToken(
	platform: Platform,
	work: (tenant: StoredToken) => Promise<Omit<TenantTokenReport, 'slug'>>
): Promise<TenantTokenReport[]> {
	const rows = await openControlDb(platform)
		.select({ id: tenants.id, slug: tenants.slug, dbUrl: tenants.dbUrl, stored: tenants.dbAuthToken })
		.from(tenants)
		.orderBy(asc(tenants.slug));
	const reports: TenantTokenReport[] = [];
	for (const { id, slug, dbUrl, stored } of rows) {
		if (!dbUrl) reports.push({ slug, ok: true, message: 'skipped: still provisioning (it gets a fresh token when done)' });
		else if (!stored) reports.push({ slug, ok: true, message: 'skipped: no token (a local database file)' });
		else {
			try {
				reports.push({ slug, ...(await work({ id, slug, databaseName: databaseNameFor(id), dbUrl, stored })) });
			} catch (error) {
				reports.push({ slug, ok: false, message: `FAILED: ${error instanceof Error ? error.message : String(error)}` });
			}
		}
	}
	return reports;
}

async function storeSealed(platform: Platform, tenant: StoredToken, token: string): Promise<string> {
	const sealed = await platform.tokenVault.seal(token, tenant.databaseName);
	await openControlDb(platform).update(tenants).set({ dbAuthToken: sealed }).where(eq(tenants.id, tenant.id));
	return sealed;
}

export function remintTenantTokens(platform: Platform, turso: Pick<TokenMinter, 'mintToken' | 'databaseNameAt'>): Promise<TenantTokenReport[]> {
	return forEachStoredToken(platform, async (tenant) => {
		const sealed = await storeSealed(platform, tenant, await turso.mintToken(turso.databaseNameAt(tenant.dbUrl)));
		return { ok: true, message: `new token stored (key ${sealedKeyId(sealed)})` };
	});
}

export async function revokeTenantTokens(platform: Platform, turso: TokenMinter): Promise<TenantTokenReport[]> {
	// If this throws, nothing was invalidated and nothing changed.
	await turso.invalidateGroupTokens();
	return remintTenantTokens(platform, turso);
}

export function resealTenantTokens(platform: Platform): Promise<TenantTokenReport[]> {
	return forEachStoredToken(platform, async (tenant) => {
		const token = await platform.tokenVault.open(tenant.stored, tenant.databaseName);
		const sealed = await platform.tokenVault.seal(token, tenant.databaseName);
		// Only over the value we opened: a token minted meanwhile by a rotation is newer; keep it.
		const written = await openControlDb(platform)
			.update(tenants)
			.set({ dbAuthToken: sealed })
			.where(and(eq(tenants.id, tenant.id), eq(tenants.dbAuthToken, tenant.stored)))
			.returning({ id: tenants.id });
		if (!written.length) return { ok: true, message: 'left as is: a new token was stored meanwhile' };
		const was = sealedKeyId(tenant.stored);
		return { ok: true, message: `resealed under key ${sealedKeyId(sealed)} (was ${was ? `key ${was}` : 'plaintext'})` };
	});
}

export function checkTenantTokens(platform: Platform): Promise<TenantTokenReport[]> {
	const now = platform.clock.now();
	return forEachStoredToken(platform, async (tenant) => {
		const expiry = tokenExpiry(await platform.tokenVault.open(tenant.stored, tenant.databaseName));
		if (expiry === 'unknown') return { ok: true, message: 'expiry unknown (not a JWT)' };
		if (expiry === 'never') return { ok: true, message: 'never expires (minted before tokens expired; a rotation replaces it)' };
		const days = Math.floor((expiry.getTime() - now.getTime()) / DAY_MS);
		const date = expiry.toISOString().slice(0, 10);
		if (expiry <= now) return { ok: false, message: `EXPIRED on ${date}` };
		return { ok: days >= EXPIRY_WARNING_DAYS, message: `expires ${date} (in ${days} days)` };
	});
}

/** The `exp` claim of a JWT, read without verifying it (we only plan around it). */
export function tokenExpiry(token: string): Date | 'never' | 'unknown' {
	const payload = token.split('.')[1];
	if (token.split('.').length !== 3 || !payload) return 'unknown';
	try {
		const claims: unknown = JSON.parse(new TextDecoder().decode(fromBase64Url(payload)));
		if (!claims || typeof claims !== 'object') return 'unknown';
		const { exp } = claims as { exp?: unknown };
		if (exp === undefined) return 'never';
		return typeof exp === 'number' && Number.isFinite(exp) ? new Date(exp * 1000) : 'unknown';
	} catch {
		return 'unknown';
	}
}

const retryAdvice: Record<Exclude<TokenCommand, 'check'>, string> = {
	rotate: 'Re-run to retry the failed ones (it is safe).',
	reseal: 'Re-run to retry the failed ones (it is safe).',
	revoke: 'The failed ones are unreachable until you run `npm run tenants:rotate-tokens` (WITHOUT --revoke) and it succeeds.'
};

/** Runs one command, printing a line per tenant and a summary; returns the exit code. */
export async function runTokenCommand(
	command: TokenCommand,
	platform: Platform,
	turso: () => TokenMinter,
	print: (line: string) => void
): Promise<number> {
	const reports = await {
		rotate: () => remintTenantTokens(platform, turso()),
		revoke: () => {
			const minter = turso();
			print('Invalidating every token of the tenant group: each tenant is unreachable until its new token is stored below.');
			return revokeTenantTokens(platform, minter);
		},
		reseal: () => resealTenantTokens(platform),
		check: () => checkTenantTokens(platform)
	}[command]();
	for (const { slug, message } of reports) print(`${slug}: ${message}`);
	const failed = reports.filter((report) => !report.ok).length;
	if (command === 'check') {
		print(failed ? `${failed} tenant token(s) expire within ${EXPIRY_WARNING_DAYS} days or cannot be opened: run \`npm run tenants:rotate-tokens\`.` : `No tenant token expires within ${EXPIRY_WARNING_DAYS} days.`);
	} else {
		print(`${reports.length - failed} of ${reports.length} tenants done.${failed ? ` ${retryAdvice[command]}` : ''}`);
	}
	return failed ? 1 : 0;
}
