/** The app's own signed links honour the same contract as presigned R2 URLs: expiry, the
 * signed content type and method, and the key they were made for. */
import { describe, expect, it } from 'vitest';
import { appFileLinks, blobRoute } from './app-file-links';

function links(secret = 'c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0zMmJ5dGVz') {
	let now = Date.parse('2026-11-23T09:00:00Z');
	return {
		links: appFileLinks({ appUrl: () => 'http://localhost:5173', secret, clock: { now: () => new Date(now) } }),
		advance: (ms: number) => (now += ms)
	};
}
const tokenOf = (url: string) => new URL(url).pathname.slice(blobRoute.length);

describe('appFileLinks', () => {
	it('signs links to the blob route that carry their claims until they expire', async () => {
		const { links: l, advance } = links();
		const url = await l.uploadUrl('tenants/t1/files/u1', { contentType: 'application/pdf', expiresInSeconds: 60 });
		expect(url.startsWith('http://localhost:5173/files/blob/')).toBe(true);
		expect(await l.verify(tokenOf(url))).toMatchObject({ method: 'PUT', key: 'tenants/t1/files/u1', contentType: 'application/pdf' });
		advance(59_000);
		expect(await l.verify(tokenOf(url))).not.toBeNull();
		advance(1_000);
		expect(await l.verify(tokenOf(url))).toBeNull();
	});

	it('binds the key, type and disposition: a changed claim or another secret does not verify', async () => {
		const { links: l } = links();
		const url = await l.downloadUrl('tenants/t1/files/f1', { name: 'a.pdf', contentType: 'application/pdf', inline: true, expiresInSeconds: 60 });
		const claims = await l.verify(tokenOf(url));
		expect(claims).toMatchObject({ method: 'GET', name: 'a.pdf', inline: true });
		const [, signature] = tokenOf(url).split('.');
		const other = btoa(JSON.stringify({ ...claims, key: 'tenants/t2/files/f1' })).replace(/=+$/, '');
		expect(await l.verify(`${other}.${signature}`)).toBeNull();
		expect(await links('another-secret').links.verify(tokenOf(url))).toBeNull();
		expect(await l.verify('garbage')).toBeNull();
	});
});
