/**
 * FileStore over the R2 Workers binding (https://developers.cloudflare.com/r2/api/workers/workers-api-reference/).
 * The binding needs no credentials and runs in-process; presigned URLs for direct browser
 * transfers live in ./presign.ts.
 */
import type { FileStore, StoredFile } from '../ports';

/** The slice of R2Bucket this adapter uses (lets tests pass a fake). */
export type R2BucketLike = Pick<R2Bucket, 'put' | 'get' | 'delete'>;

export function r2FileStore(bucket: R2BucketLike): FileStore {
	return {
		async put(key, body, contentType) {
			await bucket.put(key, body, { httpMetadata: { contentType } });
		},
		async get(key): Promise<StoredFile | null> {
			const object = await bucket.get(key);
			if (!object) return null;
			return {
				body: object.body,
				size: object.size,
				contentType: object.httpMetadata?.contentType ?? 'application/octet-stream'
			};
		},
		async readStart(key, length) {
			// A ranged get: only the head crosses, and `size` is still the whole object's.
			const object = await bucket.get(key, { range: { offset: 0, length } });
			if (!object) return null;
			return { bytes: new Uint8Array(await new Response(object.body).arrayBuffer()), size: object.size };
		},
		async delete(key) {
			// R2 delete is idempotent: deleting a missing key succeeds.
			await bucket.delete(key);
		}
	};
}
