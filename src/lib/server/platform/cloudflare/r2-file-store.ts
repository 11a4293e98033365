/**
 * FileStore over the R2 Workers binding (https://developers.cloudflare.com/r2/api/workers/workers-api-reference/).
 * The binding needs no credentials and runs in-process; presigned URLs for direct browser
 * transfers live in ./presign.ts.
 */
import type { FileStore, StoredFile } from '../ports';

/** The slice of R2Bucket this adapter uses (lets tests pass a fake). */
export type R2BucketLike = Pick<R2Bucket, 'put' | 'get' | 'delete'>;

/** R2's put takes a stream only when its length is known: the readable half of a Workers
 * FixedLengthStream, which also fails the write if the bytes do not add up to `size`. */
export type FixedLengthPipe = (size: number) => { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> };

const workersFixedLength: FixedLengthPipe = (size) => new FixedLengthStream(size);

export function r2FileStore(bucket: R2BucketLike, fixedLength: FixedLengthPipe = workersFixedLength): FileStore {
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
		async readFrom(key, offset) {
			const object = await bucket.get(key, { range: { offset } });
			return object ? object.body : null;
		},
		async putStream(key, body, size, contentType) {
			const { readable, writable } = fixedLength(size);
			await Promise.all([body.pipeTo(writable), bucket.put(key, readable, { httpMetadata: { contentType } })]);
		},
		async delete(key) {
			// R2 delete is idempotent: deleting a missing key succeeds.
			await bucket.delete(key);
		}
	};
}
