/**
 * What a file really is, from its first bytes (magic numbers). A small sniffer of our own
 * rather than the `file-type` package: that one needs more than a head read to tell Office
 * files apart (it walks the zip) and says nothing about plain text, while the accepted types
 * (files/schema.ts) need only these checks, in Node and in Workers alike.
 */
import type { ContentSignature } from '../../files/schema';

/** How many leading bytes the checks read. */
export const sniffBytes = 4096;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const magic: [Exclude<ContentSignature, 'webp' | 'ooxml' | 'text'>, number[][]][] = [
	['pdf', [ascii('%PDF-')]],
	['png', [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]]],
	['jpeg', [[0xff, 0xd8, 0xff]]],
	['gif', [ascii('GIF87a'), ascii('GIF89a')]],
	// Compound File Binary: .doc, .xls, .ppt
	['ole', [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]]]
];

/** The content's signature, or null when it is none Tandem accepts. */
export function sniff(head: Uint8Array): ContentSignature | null {
	for (const [signature, prefixes] of magic) {
		if (prefixes.some((prefix) => startsWith(head, prefix))) return signature;
	}
	if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'webp';
	if (isOfficeOpenXml(head)) return 'ooxml';
	if (isText(head)) return 'text';
	return null;
}

/** .docx, .xlsx and .pptx are zip archives whose package lists its parts in
 * `[Content_Types].xml`, which Office writes among the first entries. */
function isOfficeOpenXml(head: Uint8Array): boolean {
	if (!startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return false;
	const names = new TextDecoder('latin1').decode(head);
	return names.includes('[Content_Types].xml');
}

/** UTF-8 text (with or without a byte order mark) without NUL or other binary control bytes. */
function isText(head: Uint8Array): boolean {
	if (head.length === 0) return false;
	for (const byte of head) {
		if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b) || byte === 0x7f) return false;
	}
	try {
		// stream: a multi-byte character cut at the end of the head is not an error.
		new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
		return true;
	} catch {
		return false;
	}
}
