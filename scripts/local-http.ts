/** JSON over node:http for the local doubles (scripts/local-turso, scripts/local-resend). */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Large enough for a 5 MB blob in base64 inside a Hrana request; Turso refuses bigger requests too. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** A request the double refuses, with the HTTP status to answer. */
export class RequestError extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

export async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > MAX_BODY_BYTES) throw new RequestError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
		chunks.push(chunk);
	}
	return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	// Exactly "application/json": the Hrana client parses error bodies only under that content type.
	response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
	response.end(text);
}
