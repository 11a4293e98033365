import { describe, expect, it } from 'vitest';
import { sniff } from './sniff';

const bytes = (...values: (number | string)[]) =>
	new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));

describe('sniff', () => {
	it.each([
		['pdf', bytes('%PDF-1.4\n')],
		['png', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0)],
		['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0)],
		['gif', bytes('GIF89a', 1, 0)],
		['webp', bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 ')],
		['ole', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0)],
		['ooxml', bytes('PK', 3, 4, 20, 0, 6, 0, '[Content_Types].xml')],
		['text', bytes('Name,Email\nJo,jo@example.com\n')],
		['text', new TextEncoder().encode('Réflexions — semaine 3 ✓')]
	])('recognises %s', (signature, head) => {
		expect(sniff(head)).toBe(signature);
	});

	it('tells a cut multi-byte character at the end of the head from binary', () => {
		const text = new TextEncoder().encode('café');
		expect(sniff(text.subarray(0, text.length - 1))).toBe('text');
	});

	it.each([
		['an executable', bytes('MZ', 0x90, 0, 3, 0)],
		['a plain zip', bytes('PK', 3, 4, 20, 0, 'photos/a.jpg')],
		['binary with NUL bytes', bytes('abc', 0, 'def')],
		['invalid UTF-8', bytes(0xc3, 0x28, 'abc')],
		['nothing', new Uint8Array(0)]
	])('refuses %s', (_, head) => {
		expect(sniff(head)).toBeNull();
	});
});
