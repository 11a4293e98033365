/**
 * Presigned R2 URLs so browsers upload and download directly, without streaming file bytes
 * through the Worker. The Workers binding cannot presign; R2's S3-compatible API can, and
 * only on the account endpoint https://<ACCOUNT_ID>.r2.cloudflarestorage.com (not on custom
 * domains or r2.dev). Supported: GET, HEAD, PUT, DELETE; expiry 1 s to 7 days.
 * Docs: https://developers.cloudflare.com/r2/api/s3/presigned-urls/ and
 * https://developers.cloudflare.com/r2/examples/aws/aws-sdk-js-v3/
 *
 * Signing is local (HMAC over the request); no network call is made here.
 */
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { contentDisposition } from '../content-disposition';

export const MIN_EXPIRY_SECONDS = 1;
export const MAX_EXPIRY_SECONDS = 7 * 24 * 60 * 60;

export interface R2PresignConfig {
	accountId: string;
	accessKeyId: string;
	secretAccessKey: string;
	bucket: string;
}

export interface PresignGetOptions {
	expiresInSeconds: number;
	/** Sets Content-Disposition on the response so the browser saves it under this name. */
	downloadName?: string;
	/** With `downloadName`: show it in place (an image or PDF preview) instead of saving it. */
	inline?: boolean;
	/** Overrides the stored Content-Type on the response. */
	contentType?: string;
}

export interface PresignPutOptions {
	expiresInSeconds: number;
	/** Signed into the URL: the browser's PUT must send exactly this Content-Type. */
	contentType: string;
}

export interface FileUrlSigner {
	presignGet(key: string, options: PresignGetOptions): Promise<string>;
	presignPut(key: string, options: PresignPutOptions): Promise<string>;
}

export function clampExpiry(seconds: number): number {
	if (!Number.isFinite(seconds)) return MIN_EXPIRY_SECONDS;
	return Math.min(MAX_EXPIRY_SECONDS, Math.max(MIN_EXPIRY_SECONDS, Math.floor(seconds)));
}

export function r2Presigner(config: R2PresignConfig): FileUrlSigner {
	for (const [name, value] of Object.entries(config)) {
		if (!value) throw new Error(`R2 presigning is not configured: ${name} is empty.`);
	}
	// Built lazily per call: an S3Client is cheap, and Workers must not share I/O objects
	// across requests (presigning does no I/O, but this keeps the rule simple).
	const client = () =>
		new S3Client({
			region: 'auto', // required by the SDK, ignored by R2
			endpoint: `https://${config.accountId}.r2.cloudflarestorage.com`,
			// Path-style keeps the host exactly <account>.r2.cloudflarestorage.com.
			forcePathStyle: true,
			credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
			// Since 3.729 the SDK signs a CRC32 of the (empty) body into presigned PUT URLs,
			// and R2 then rejects the real upload with a checksum mismatch.
			requestChecksumCalculation: 'WHEN_REQUIRED',
			responseChecksumValidation: 'WHEN_REQUIRED'
		});

	return {
		presignGet(key, options) {
			const command = new GetObjectCommand({
				Bucket: config.bucket,
				Key: key,
				ResponseContentDisposition: options.downloadName
					? contentDisposition(options.downloadName, options.inline)
					: undefined,
				ResponseContentType: options.contentType
			});
			return getSignedUrl(client(), command, { expiresIn: clampExpiry(options.expiresInSeconds) });
		},
		presignPut(key, options) {
			const command = new PutObjectCommand({
				Bucket: config.bucket,
				Key: key,
				ContentType: options.contentType
			});
			return getSignedUrl(client(), command, {
				expiresIn: clampExpiry(options.expiresInSeconds),
				// Sign content-type so the upload cannot change the type we validated.
				signableHeaders: new Set(['content-type'])
			});
		}
	};
}

/** The presigner for a Worker's env (secrets R2_ACCOUNT_ID, R2_ACCESS_KEY_ID, R2_SECRET_ACCESS_KEY, R2_BUCKET). */
export function r2PresignerFromEnv(env: {
	R2_ACCOUNT_ID: string;
	R2_ACCESS_KEY_ID: string;
	R2_SECRET_ACCESS_KEY: string;
	R2_BUCKET: string;
}): FileUrlSigner {
	return r2Presigner({
		accountId: env.R2_ACCOUNT_ID,
		accessKeyId: env.R2_ACCESS_KEY_ID,
		secretAccessKey: env.R2_SECRET_ACCESS_KEY,
		bucket: env.R2_BUCKET
	});
}
