/**
 * The binding adapters against in-memory stand-ins with the same method signatures as the
 * Workers bindings (R2: https://developers.cloudflare.com/r2/api/workers/workers-api-reference/,
 * Queues: https://developers.cloudflare.com/queues/configuration/javascript-apis/).
 */
import { describe, expect, it } from 'vitest';
import { r2FileStore, type R2BucketLike } from './r2-file-store';
import { cloudflareQueue, MAX_QUEUE_DELAY_SECONDS } from './queue';
import { clampExpiry, r2Presigner, MAX_EXPIRY_SECONDS } from './presign';
import { cloudflarePlatform } from './index';
import { cloudflareFileLinks } from './file-links';
import type { CloudflareEnv } from './env';

function memoryBucket() {
	const objects = new Map<string, { bytes: Uint8Array; contentType?: string }>();
	const bucket = {
		async put(key: string, value: ArrayBuffer | Uint8Array, options?: { httpMetadata?: { contentType?: string } }) {
			const bytes = value instanceof Uint8Array ? value : new Uint8Array(value);
			objects.set(key, { bytes, contentType: options?.httpMetadata?.contentType });
			return null;
		},
		async get(key: string, options?: { range?: { offset: number; length: number } }) {
			const o = objects.get(key);
			if (!o) return null;
			const range = options?.range;
			const bytes = range ? o.bytes.subarray(range.offset, range.offset + range.length) : o.bytes;
			return {
				body: new Blob([new Uint8Array(bytes)]).stream(),
				size: o.bytes.byteLength,
				httpMetadata: { contentType: o.contentType }
			};
		},
		async delete(key: string) {
			objects.delete(key);
		}
	};
	return { bucket: bucket as unknown as R2BucketLike, objects };
}

describe('r2FileStore', () => {
	it('puts with the content type, reads back a stream, and deletes', async () => {
		const { bucket } = memoryBucket();
		const store = r2FileStore(bucket);
		await store.put('tenants/t1/files/a.txt', new TextEncoder().encode('hello'), 'text/plain');

		const file = await store.get('tenants/t1/files/a.txt');
		expect(file).not.toBeNull();
		expect(file!.size).toBe(5);
		expect(file!.contentType).toBe('text/plain');
		expect(await new Response(file!.body).text()).toBe('hello');

		expect(await store.readStart('tenants/t1/files/a.txt', 2)).toEqual({ bytes: new TextEncoder().encode('he'), size: 5 });
		await store.delete('tenants/t1/files/a.txt');
		expect(await store.get('tenants/t1/files/a.txt')).toBeNull();
		expect(await store.readStart('tenants/t1/files/a.txt', 2)).toBeNull();
		await store.delete('tenants/t1/files/a.txt'); // deleting twice is fine
	});
});

describe('cloudflareQueue', () => {
	function recordingQueue() {
		const sent: { body: unknown; options: unknown }[] = [];
		return {
			sent,
			queue: {
				async send(body: unknown, options?: unknown) {
					sent.push({ body, options });
					return { metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } } };
				}
			}
		};
	}
	const message = { type: 'email.send' as const, idempotencyKey: 'outbox/1', tenantId: 't1', outboxId: 'o1' };

	it('sends JSON messages, with a delay only when asked', async () => {
		const { queue, sent } = recordingQueue();
		const jobs = cloudflareQueue(queue);
		await jobs.send(message);
		await jobs.send(message, { delaySeconds: 30.2 });
		await jobs.send(message, { delaySeconds: 0 });
		expect(sent).toEqual([
			{ body: message, options: { contentType: 'json' } },
			{ body: message, options: { contentType: 'json', delaySeconds: 31 } },
			{ body: message, options: { contentType: 'json' } }
		]);
	});

	it('clamps delays to the 12 h Queues maximum', async () => {
		const { queue, sent } = recordingQueue();
		await cloudflareQueue(queue).send(message, { delaySeconds: 10 * 24 * 3600 });
		expect(sent[0].options).toEqual({ contentType: 'json', delaySeconds: MAX_QUEUE_DELAY_SECONDS });
	});

	it('refuses messages over 128 KB', async () => {
		const { queue, sent } = recordingQueue();
		await expect(
			cloudflareQueue(queue).send({ ...message, outboxId: 'x'.repeat(130 * 1024) })
		).rejects.toThrow(/limit/);
		expect(sent).toHaveLength(0);
	});
});

describe('r2Presigner', () => {
	const signer = r2Presigner({ accountId: 'acc123', accessKeyId: 'AKID', secretAccessKey: 'SECRET', bucket: 'tandem-files' });

	it('clamps expiry to 1 s .. 7 days', () => {
		expect(clampExpiry(0)).toBe(1);
		expect(clampExpiry(-5)).toBe(1);
		expect(clampExpiry(Number.NaN)).toBe(1);
		expect(clampExpiry(900)).toBe(900);
		expect(clampExpiry(30 * 24 * 3600)).toBe(MAX_EXPIRY_SECONDS);
	});

	it('signs PUT URLs on the account endpoint with the content type and no checksum', async () => {
		const url = new URL(
			await signer.presignPut('tenants/t1/files/report.pdf', { expiresInSeconds: 10 ** 9, contentType: 'application/pdf' })
		);
		expect(url.origin).toBe('https://acc123.r2.cloudflarestorage.com');
		expect(url.pathname).toBe('/tandem-files/tenants/t1/files/report.pdf');
		expect(url.searchParams.get('X-Amz-Expires')).toBe(String(MAX_EXPIRY_SECONDS));
		expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-type;host');
		expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^AKID\/\d{8}\/auto\/s3\/aws4_request$/);
		expect([...url.searchParams.keys()].some((k) => k.toLowerCase().includes('checksum'))).toBe(false);
	});

	it('signs inline GET URLs for previews, with the checked content type', async () => {
		const url = new URL(
			await signer.presignGet('tenants/t1/files/f1', { expiresInSeconds: 300, downloadName: 'chart.png', inline: true, contentType: 'image/png' })
		);
		expect(url.searchParams.get('response-content-disposition')).toBe(`inline; filename="chart.png"; filename*=UTF-8''chart.png`);
		expect(url.searchParams.get('response-content-type')).toBe('image/png');
	});

	it('signs GET URLs with an attachment filename', async () => {
		const url = new URL(
			await signer.presignGet('tenants/t1/files/report.pdf', { expiresInSeconds: 300, downloadName: 'Q3 Résumé.pdf' })
		);
		expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
		expect(url.searchParams.get('response-content-disposition')).toBe(
			`attachment; filename="Q3 R_sum_.pdf"; filename*=UTF-8''Q3%20R%C3%A9sum%C3%A9.pdf`
		);
	});
});

describe('cloudflareFileLinks', () => {
	const clock = { now: () => new Date() };
	const r2 = { R2_ACCOUNT_ID: 'acc123', R2_ACCESS_KEY_ID: 'AKID', R2_SECRET_ACCESS_KEY: 'SECRET', R2_BUCKET: 'tandem-files' };
	const env = (vars: Record<string, string>) => vars as unknown as CloudflareEnv;

	it('presigns R2 whenever the R2 secrets are set', async () => {
		const links = cloudflareFileLinks(env({ APP_URL: 'https://app.tandem.example', ...r2 }), clock);
		const put = new URL(await links.uploadUrl('tenants/t1/files/u1', { contentType: 'application/pdf', expiresInSeconds: 600 }));
		expect(put.origin).toBe('https://acc123.r2.cloudflarestorage.com');
		expect(put.searchParams.get('X-Amz-SignedHeaders')).toBe('content-type;host');
	});

	it('uses the app’s own signed links only for an app served from this machine', async () => {
		const preview = cloudflareFileLinks(env({ APP_URL: 'http://localhost:8787', TENANT_TOKEN_KEYS: 'a2V5' }), clock);
		expect(await preview.uploadUrl('tenants/t1/files/u1', { contentType: 'application/pdf', expiresInSeconds: 60 })).toMatch(
			/^http:\/\/localhost:8787\/files\/blob\//
		);
	});

	it('refuses loudly in a deployment without the R2 secrets', async () => {
		const links = cloudflareFileLinks(env({ APP_URL: 'https://app.tandem.example', R2_ACCOUNT_ID: 'acc123' }), clock);
		await expect(links.downloadUrl('k', { name: 'a.pdf', contentType: 'application/pdf', inline: false, expiresInSeconds: 60 })).rejects.toThrow(
			/R2_ACCESS_KEY_ID, R2_SECRET_ACCESS_KEY, R2_BUCKET/
		);
	});
});

describe('cloudflarePlatform', () => {
	it('wires config from vars and builds adapters only when used', async () => {
		const { bucket } = memoryBucket();
		const env = {
			FILES: bucket,
			APP_URL: 'https://app.tandem.example/',
			MAIL_FROM: 'Tandem <hello@tandem.example>'
			// no secrets: nothing below may need them
		} as unknown as CloudflareEnv;
		const platform = cloudflarePlatform(env);
		expect(platform.config).toEqual({
			appUrl: 'https://app.tandem.example',
			mailFrom: 'Tandem <hello@tandem.example>',
			devTools: false
		});
		expect(platform.clock.now()).toBeInstanceOf(Date);
		await platform.files.put('tenants/t1/x', new Uint8Array([1]), 'application/octet-stream');
		expect((await platform.files.get('tenants/t1/x'))?.size).toBe(1);
		expect(() => platform.db.control()).toThrow(/CONTROL_DB_URL/);
		await expect(platform.mailer.send({ to: 'a@b', subject: 's', text: 't', html: 'h' }, 'k')).rejects.toThrow(
			/RESEND_API_KEY/
		);
		await expect(platform.queue.send({ type: 'tenant.due', idempotencyKey: 'k', tenantId: 't1' })).rejects.toThrow(/JOBS/);
	});

	it('opens a fresh libSQL web client per call', () => {
		const platform = cloudflarePlatform({
			APP_URL: 'https://app.tandem.example',
			MAIL_FROM: 'a@b.example',
			CONTROL_DB_URL: 'libsql://control-acme.turso.io',
			CONTROL_DB_TOKEN: 'tok'
		} as unknown as CloudflareEnv);
		const a = platform.db.control();
		const b = platform.db.control();
		expect(a).not.toBe(b);
		expect(a.protocol).toBe('http'); // the web client speaks Hrana over HTTP(S)
		a.close();
		b.close();
		expect(() => platform.db.open({ url: 'file:.data/tenants/t1.db' })).toThrow(/local database/);
	});

	it("opens /dev/mail on the preview's mailbox only for an app served from this machine", async () => {
		const env = (appUrl: string) =>
			({ APP_URL: appUrl, MAIL_FROM: 'a@b.example', DEV_MAILBOX_URL: 'http://127.0.0.1:9/mailbox' }) as unknown as CloudflareEnv;
		const deployed = cloudflarePlatform(env('https://app.tandem.example'));
		expect(deployed.config.devTools).toBe(false);
		expect(deployed.devMailbox).toBeUndefined();
		const preview = cloudflarePlatform(env('http://localhost:8787'));
		expect(preview.config.devTools).toBe(true);
		// The double is not listening here: the page fails loudly instead of showing an empty outbox.
		await expect(preview.devMailbox!.list()).rejects.toThrow();
	});
});
