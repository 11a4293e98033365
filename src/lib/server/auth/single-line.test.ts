import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { emails, renderEmail } from '../mail/templates';
import { singleLine, singleLineMessage } from '../../validation';

const name = singleLine(z.string().trim().max(100));

describe('single-line plain text', () => {
	it.each([
		['a line break', 'Eve\r\nBcc: x@evil.example'],
		['a tab', 'Eve\tAdams'],
		['a NUL', 'Eve\u0000'],
		['a C1 control', 'Eve\u0085Adams'],
		['a line separator', 'Eve\u2028Adams'],
		['a right-to-left override', '\u202Eevil'],
		['a directional isolate', 'Eve\u2067Adams\u2069'],
		['a right-to-left mark', 'Eve\u200F'],
		['an Arabic letter mark', 'Eve\u061C']
	])('refuses %s', (_, value) => {
		expect(name.safeParse(value).error?.issues.map((issue) => issue.message)).toEqual([singleLineMessage]);
	});

	it.each(['Zoë O’Brien-Smith', 'محمد علي', '山田 太郎', 'Ana & Co. (Lisbon)', 'Chloé 👩‍💻'])('accepts %s', (value) => {
		expect(name.parse(value)).toBe(value);
	});
});

describe('email subjects', () => {
	it('keep names that slipped past validation on one visible line', () => {
		const { subject } = renderEmail('to@example.com', emails.memberInvitation('Eve\r\nBcc: x@evil.example', '\u202EAcme\u0000', 'coach', 'https://x'));
		expect(subject).toBe('Eve Bcc: x@evil.example invited you to Acme on Tandem');
	});
});
