import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';
import { dirname, join, resolve, sep } from 'node:path';
import type { FileStore } from '../ports';

/** R2 stand-in for local runs: the key is a path under the folder, the content type sits
 * beside the bytes. */
export function folderFileStore(root: string): FileStore {
	const base = resolve(root);
	const pathOf = (key: string) => {
		const path = resolve(join(base, key));
		if (!path.startsWith(base + sep)) throw new Error(`File key escapes the store: ${key}`);
		return path;
	};
	return {
		async put(key, body, contentType) {
			const path = pathOf(key);
			await mkdir(dirname(path), { recursive: true });
			await writeFile(path, body instanceof Uint8Array ? body : new Uint8Array(body));
			await writeFile(`${path}.meta.json`, JSON.stringify({ contentType }));
		},
		async get(key) {
			const path = pathOf(key);
			try {
				const bytes = await readFile(path);
				const { contentType } = JSON.parse(await readFile(`${path}.meta.json`, 'utf8')) as { contentType: string };
				return { body: new Blob([bytes]).stream(), size: bytes.length, contentType };
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
				throw error;
			}
		},
		async readStart(key, length) {
			try {
				const handle = await open(pathOf(key), 'r');
				try {
					const { size } = await handle.stat();
					const { bytesRead, buffer } = await handle.read(new Uint8Array(Math.min(length, size)), 0, Math.min(length, size), 0);
					return { bytes: buffer.subarray(0, bytesRead), size };
				} finally {
					await handle.close();
				}
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
				throw error;
			}
		},
		async readFrom(key, offset) {
			const path = pathOf(key);
			try {
				await stat(path);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
				throw error;
			}
			return Readable.toWeb(createReadStream(path, { start: offset })) as ReadableStream<Uint8Array>;
		},
		async putStream(key, body, size, contentType) {
			const path = pathOf(key);
			await mkdir(dirname(path), { recursive: true });
			let written = 0;
			const counted = body.pipeThrough(
				new TransformStream<Uint8Array, Uint8Array>({
					transform(chunk, controller) {
						written += chunk.byteLength;
						controller.enqueue(chunk);
					}
				})
			);
			await counted.pipeTo(Writable.toWeb(createWriteStream(path)));
			// The same refusal R2's FixedLengthStream gives, so local runs catch a wrong size.
			if (written !== size) {
				await rm(path, { force: true });
				throw new Error(`putStream(${key}): expected ${size} bytes, got ${written}.`);
			}
			await writeFile(`${path}.meta.json`, JSON.stringify({ contentType }));
		},
		async delete(key) {
			const path = pathOf(key);
			await rm(path, { force: true });
			await rm(`${path}.meta.json`, { force: true });
		}
	};
}
