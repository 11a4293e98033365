/** The paged lists' address: which page `?page=` asks for, and where a page past the end goes. */
import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { leavePastEnd, pageParam } from './paging';

const page = (query: string) => pageParam(new URLSearchParams(query));

describe('the paged lists’ address', () => {
	it('reads a whole page number from 1, and anything else as the first page', () => {
		expect(page('page=3')).toBe(3);
		for (const query of ['', 'page=0', 'page=-2', 'page=1.5', 'page=two', 'page=10001']) expect(page(query)).toBe(1);
	});

	it('sends a page past the end to the last page, keeping the rest of the address', () => {
		const caught = (() => {
			try {
				leavePastEnd(new URL('http://x/t/acme/coachees/c1/notes?q=offsite&page=4'), { shown: 0, total: 51, pageSize: 25 });
			} catch (thrown) {
				return thrown;
			}
		})();
		expect(isRedirect(caught) && caught.location).toBe('/t/acme/coachees/c1/notes?q=offsite&page=3');
		expect(() => leavePastEnd(new URL('http://x/notes?page=2'), { shown: 1, total: 26, pageSize: 25 })).not.toThrow();
		expect(() => leavePastEnd(new URL('http://x/notes'), { shown: 0, total: 0, pageSize: 25 })).not.toThrow();
	});
});
