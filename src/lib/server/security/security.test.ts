import { describe, expect, it } from 'vitest';
import { isDevOnlyPath, secureResponse } from '.';

const page = () => Promise.resolve(new Response('<h1>page</h1>', { headers: { 'content-type': 'text/html' } }));
const devToolsOff = { devTools: false };
const devToolsOn = { devTools: true };

describe('security headers', () => {
	it('every response says: no framing, no sniffing, short referrers, no camera, microphone or location', async () => {
		const response = await secureResponse(new URL('https://app.tandem.example/signin'), devToolsOff, page);
		expect(Object.fromEntries(response.headers)).toMatchObject({
			'referrer-policy': 'strict-origin-when-cross-origin',
			'x-content-type-options': 'nosniff',
			'x-frame-options': 'DENY',
			'permissions-policy': 'camera=(), microphone=(), geolocation=()',
			'strict-transport-security': 'max-age=63072000; includeSubDomains'
		});
		expect(await response.text()).toBe('<h1>page</h1>');
	});

	it('keeps HSTS off plain HTTP, where browsers ignore it', async () => {
		const response = await secureResponse(new URL('http://localhost:5173/signin'), devToolsOn, page);
		expect(response.headers.get('strict-transport-security')).toBeNull();
		expect(response.headers.get('x-frame-options')).toBe('DENY');
	});

	it('also covers redirects, whose headers cannot be changed in place', async () => {
		const redirect = () => Promise.resolve(Response.redirect('https://app.tandem.example/signin', 303));
		const response = await secureResponse(new URL('https://app.tandem.example/'), devToolsOff, redirect);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('https://app.tandem.example/signin');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
	});
});

describe('the /dev tree', () => {
	it.each(['/dev', '/dev/', '/dev/ui', '/dev/mail', '/dev/anything/deeper'])(
		'%s answers 404 without running the page when dev tools are off',
		async (path) => {
			let rendered = false;
			const response = await secureResponse(new URL(`https://app.tandem.example${path}`), devToolsOff, () => {
				rendered = true;
				return page();
			});
			expect(response.status).toBe(404);
			expect(rendered).toBe(false);
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		}
	);

	it('is served when dev tools are on', async () => {
		const response = await secureResponse(new URL('http://localhost:5173/dev/mail'), devToolsOn, page);
		expect(response.status).toBe(200);
	});

	it('does not catch pages that merely start with "dev"', () => {
		expect(isDevOnlyPath('/developers')).toBe(false);
		expect(isDevOnlyPath('/t/dev/coachees')).toBe(false);
		expect(isDevOnlyPath('/dev/mail')).toBe(true);
	});
});
