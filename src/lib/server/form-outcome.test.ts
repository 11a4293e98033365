import { describe, expect, test } from 'vitest';
import { backPath } from './form-outcome';

describe('backPath: where a no-JS form returns to', () => {
	const list = '/t/acme/coachees';
	const profile = '/t/acme/coachees/p1';

	test('the list it was posted from, filters and all', () => {
		expect(backPath('/t/acme/coachees?status=invited&page=2', list, profile)).toBe('/t/acme/coachees?status=invited&page=2');
		expect(backPath('/t/acme/coachees/p1', list, profile)).toBe('/t/acme/coachees/p1');
	});

	test('never another site, another workspace or a look-alike path', () => {
		for (const attack of [
			'https://evil.example/t/acme/coachees',
			'//evil.example/t/acme/coachees',
			'/t/acme/coachees//evil.example',
			'/\\evil.example',
			'/t/other/coachees',
			'/t/acme/coacheesX',
			'/t/acme/coachees/../../other',
			' /t/acme/coachees'
		]) {
			expect(backPath(attack, list, profile), attack).toBe(profile);
		}
	});

	test('nothing sent: the fallback', () => {
		expect(backPath(undefined, list, profile)).toBe(profile);
	});
});
