/**
 * The FileStore contract, run against both adapters: the folder store of local runs and the
 * R2 adapter over an in-memory bucket whose put, like R2's, takes a stream only through a
 * length-checking pipe (Workers' FixedLengthStream).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { r2FileStore, type FixedLengthPipe, type R2BucketLike } from './cloudflare/r2-file-store';
import { folderFileStore } from './local/folder-file-store';
import type { FileStore } from './ports';

const folders: string[] = [];
afterAll(async () => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

function memoryR2(): R2BucketLike {
	const objects = new Map<string, Uint8Array>();
	const bucket = {
		async put(key: string, value: Uint8Array | ArrayBuffer | ReadableStream<Uint8Array>) {
			if (value instanceof ReadableStream && !fixedLengthReadables.has(value)) throw new TypeError('Provided readable stream must have a known length.');
			const bytes = value instanceof ReadableStream ? new Uint8Array(await new Response(value).arrayBuffer()) : new Uint8Array(value);
			objects.set(key, bytes);
		},
		async get(key: string, options?: { range?: { offset: number; length?: number } }) {
			const bytes = objects.get(key);
			if (!bytes) return null;
			const { offset = 0, length } = options?.range ?? {};
			return { body: new Blob([bytes.slice(offset, length === undefined ? undefined : offset + length)]).stream(), size: bytes.byteLength, httpMetadata: {} };
		},
		async delete(key: string) {
			objects.delete(key);
		}
	};
	return bucket as unknown as R2BucketLike;
}

const fixedLengthReadables = new WeakSet<ReadableStream>();
/** FixedLengthStream's behaviour: the write fails when the bytes do not add up to `size`. */
const fixedLength: FixedLengthPipe = (size) => {
	let seen = 0;
	const pipe = new TransformStream<Uint8Array, Uint8Array>({
		transform(chunk, controller) {
			seen += chunk.byteLength;
			if (seen > size) throw new TypeError('Stream wrote more bytes than its declared length.');
			controller.enqueue(chunk);
		},
		flush() {
			if (seen !== size) throw new TypeError('Stream ended before its declared length.');
		}
	});
	fixedLengthReadables.add(pipe.readable);
	return pipe;
};

const adapters: [string, () => Promise<FileStore>][] = [
	[
		'folder store',
		async () => {
			const folder = await mkdtemp(join(tmpdir(), 'tandem-files-'));
			folders.push(folder);
			return folderFileStore(folder);
		}
	],
	['R2 adapter', async () => r2FileStore(memoryR2(), fixedLength)]
];

const text = (stream: ReadableStream<Uint8Array> | null) => new Response(stream).text();
const streamOf = (...parts: string[]) => new Blob(parts).stream();

describe.each(adapters)('FileStore contract: %s', (_name, make) => {
	it('readFrom streams the bytes from an offset to the end, and null for a missing object', async () => {
		const store = await make();
		await store.put('tenants/t1/imports/a.csv', new TextEncoder().encode('header\r\nrow one\r\nrow two'), 'text/csv');
		expect(await text(await store.readFrom('tenants/t1/imports/a.csv', 8))).toBe('row one\r\nrow two');
		expect(await text(await store.readFrom('tenants/t1/imports/a.csv', 0))).toBe('header\r\nrow one\r\nrow two');
		expect(await store.readFrom('tenants/t1/imports/missing.csv', 0)).toBeNull();
	});

	it('readFrom can be cancelled after the first bytes', async () => {
		const store = await make();
		await store.put('tenants/t1/imports/big.csv', new Uint8Array(256 * 1024).fill(65), 'text/csv');
		const reader = (await store.readFrom('tenants/t1/imports/big.csv', 1000))!.getReader();
		const { value } = await reader.read();
		expect(value!.byteLength).toBeGreaterThan(0);
		await reader.cancel();
	});

	it('putStream writes a stream of the declared length, readable as one file', async () => {
		const store = await make();
		await store.putStream('tenants/t1/exports/e.csv', streamOf('\uFEFFa,b\r\n', '1,2\r\n'), 13, 'text/csv; charset=utf-8');
		const file = await store.get('tenants/t1/exports/e.csv');
		expect(file!.size).toBe(13);
		expect(new Uint8Array(await new Response(file!.body).arrayBuffer())).toEqual(new TextEncoder().encode('\uFEFFa,b\r\n1,2\r\n'));
	});

	it('putStream refuses a stream whose length is not the one declared', async () => {
		const store = await make();
		await expect(store.putStream('tenants/t1/exports/short.csv', streamOf('abc'), 10, 'text/csv')).rejects.toThrow();
		await expect(store.putStream('tenants/t1/exports/long.csv', streamOf('abcdef'), 2, 'text/csv')).rejects.toThrow();
	});
});
