import { describe, expect, it } from 'vitest';
import { newTokenKey, sealedKeyId, tenantTokenVault, TokenVaultError } from './token-vault';

const token = 'eyJhbGciOiJFZERTQSJ9.eyJhIjoicnciLCJpZCI6InRlbmFudCJ9.c2lnbmF0dXJl';
const oldKey = newTokenKey();
const newKey = newTokenKey();

describe('the tenant token vault', () => {
	it('seals into v1:<keyId>:<iv>:<ciphertext> without the token in it, and opens it again', async () => {
		const vault = tenantTokenVault(oldKey);
		const sealed = await vault.seal(token, 'tabc');
		expect(sealed).toMatch(/^v1:[0-9a-f]{8}:[\w-]{16}:[\w-]+$/);
		expect(sealed).not.toContain(token);
		expect(sealed).not.toContain(token.split('.')[1]);
		expect(await vault.open(sealed, 'tabc')).toBe(token);
	});

	it('uses a fresh IV each time, so the same token never seals to the same text', async () => {
		const vault = tenantTokenVault(oldKey);
		expect(await vault.seal(token, 'tabc')).not.toBe(await vault.seal(token, 'tabc'));
	});

	it('refuses a sealed token copied onto another tenant (the database name is authenticated)', async () => {
		const vault = tenantTokenVault(oldKey);
		const sealed = await vault.seal(token, 'tvictim');
		const refusal = await vault.open(sealed, 'tattacker').catch((error: unknown) => error);
		expect(refusal).toBeInstanceOf(TokenVaultError);
		expect(String(refusal)).toContain('sealed for another database or altered');
		expect(String(refusal)).not.toContain(token);
	});

	it('refuses a ciphertext altered in storage', async () => {
		const vault = tenantTokenVault(oldKey);
		const [v, id, iv, ciphertext] = (await vault.seal(token, 'tabc')).split(':');
		const flipped = `${ciphertext![0] === 'A' ? 'B' : 'A'}${ciphertext!.slice(1)}`;
		await expect(vault.open([v, id, iv, flipped].join(':'), 'tabc')).rejects.toThrow(/altered/);
	});

	it('names the key a token needs when TENANT_TOKEN_KEYS no longer holds it, and never the token', async () => {
		const sealed = await tenantTokenVault(oldKey).seal(token, 'tabc');
		const refusal = (await tenantTokenVault(newKey).open(sealed, 'tabc').catch((error: unknown) => error)) as Error;
		expect(refusal).toBeInstanceOf(TokenVaultError);
		expect(refusal.message).toContain(`sealed with key ${sealedKeyId(sealed)}, which is not in TENANT_TOKEN_KEYS`);
		expect(refusal.message).toContain('database "tabc"');
		expect(refusal.message).not.toContain(token);
		expect(refusal.message).not.toContain(oldKey);
	});

	it('rotates keys: the first key seals, every key opens', async () => {
		const sealedBefore = await tenantTokenVault(oldKey).seal(token, 'tabc');
		const rotated = tenantTokenVault(`${newKey},\n ${oldKey}`);
		expect(await rotated.open(sealedBefore, 'tabc')).toBe(token);
		const sealedAfter = await rotated.seal(token, 'tabc');
		expect(sealedKeyId(sealedAfter)).not.toBe(sealedKeyId(sealedBefore));
		expect(await tenantTokenVault(newKey).open(sealedAfter, 'tabc')).toBe(token);
	});

	it('opens a token stored before encryption as itself', async () => {
		expect(await tenantTokenVault(oldKey).open(token, 'tabc')).toBe(token);
		expect(sealedKeyId(token)).toBeNull();
	});

	it('refuses to seal without keys, saying which secret to set, yet still opens legacy plaintext', async () => {
		const vault = tenantTokenVault(undefined);
		await expect(vault.seal(token, 'tabc')).rejects.toThrow(/^TENANT_TOKEN_KEYS is not set: .*tenants:new-token-key/);
		expect(await vault.open(token, 'tabc')).toBe(token);
	});

	it('says which entry of TENANT_TOKEN_KEYS is malformed without echoing it', async () => {
		const short = btoa('sixteen byte key');
		await expect(tenantTokenVault(`${oldKey} ${short}`).seal(token, 'tabc')).rejects.toThrow(
			/^TENANT_TOKEN_KEYS entry 2 decodes to 16 bytes, not 32/
		);
		await expect(tenantTokenVault('not*base64').seal(token, 'tabc')).rejects.toThrow(/entry 1 is not base64/);
	});

	it('mints 32-byte base64 keys', () => {
		const key = newTokenKey();
		expect(atob(key)).toHaveLength(32);
		expect(key).not.toBe(newTokenKey());
	});
});
