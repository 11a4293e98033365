/**
 * `/files/blob/<token>`: where the app's own signed links (platform/app-file-links.ts) put and
 * get bytes, standing in for R2's presigned URLs where there is no S3 endpoint. The token is
 * the whole authority, as a presigned URL is: it was handed out after the permission check,
 * names one key, one method and one content type, and expires within minutes.
 */
import { maxFileBytes } from '../../files/schema';
import type { AppFileLinks } from '../platform/app-file-links';
import { contentDisposition } from '../platform/content-disposition';
import type { FileLinks, Platform } from '../platform/ports';

const refuse = (status: number, message: string) =>
	new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

const servesBlobs = (links: FileLinks): links is AppFileLinks => 'verify' in links;

export async function handleFileBlob(request: Request, platform: Pick<Platform, 'files' | 'fileLinks'>, token: string): Promise<Response> {
	if (!servesBlobs(platform.fileLinks)) return refuse(404, 'Not found');
	const claims = await platform.fileLinks.verify(token);
	const method = request.method === 'HEAD' ? 'GET' : request.method;
	if (!claims || claims.method !== method) return refuse(403, 'This file link is not valid or has expired. Go back to Tandem and open the file again.');
	if (method === 'PUT') return put(request, platform, claims.key, claims.contentType);
	return get(platform, claims.key, claims.contentType, contentDisposition(claims.name ?? 'file', claims.inline));
}

async function put(request: Request, platform: Pick<Platform, 'files'>, key: string, contentType: string): Promise<Response> {
	// The type was signed in: an upload may not change what the server later checks and serves.
	if (request.headers.get('content-type') !== contentType) return refuse(403, `This link takes only ${contentType}.`);
	if (Number(request.headers.get('content-length') ?? 0) > maxFileBytes) return refuse(413, 'The file is larger than Tandem accepts.');
	const bytes = new Uint8Array(await request.arrayBuffer());
	if (bytes.length > maxFileBytes) return refuse(413, 'The file is larger than Tandem accepts.');
	await platform.files.put(key, bytes, contentType);
	return new Response(null, { status: 200 });
}

async function get(platform: Pick<Platform, 'files'>, key: string, contentType: string, disposition: string): Promise<Response> {
	const file = await platform.files.get(key);
	if (!file) return refuse(404, 'This file is no longer in Tandem.');
	return new Response(file.body, {
		headers: {
			// The type found in the content when the upload finished, never sniffed again.
			'content-type': contentType,
			'content-length': String(file.size),
			'content-disposition': disposition,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store',
			// The file's page previews images and PDFs in place; nothing else may frame them.
			'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
			'x-frame-options': 'SAMEORIGIN'
		}
	});
}
