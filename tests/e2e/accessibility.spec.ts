/**
 * axe-core over every screen of every role, at desktop and phone width. Each role's screens
 * are found by crawling the portal's navigation links (the left menu and tab strips) from its
 * home, plus the screens no navigation links to (a coachee profile, the New / Edit / Assign
 * coach dialogs opened as pages, ...), so a screen added later is covered without touching
 * this file. A serious or critical violation fails; moderate and minor ones are printed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { AxeResults, ImpactValue } from 'axe-core';
import { launchSharedBrowser } from './browser';
import { baseUrl, signIn } from './pages';

const axeSource = readFileSync(join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8');
const widths = [1280, 375];
const failingImpacts: ImpactValue[] = ['serious', 'critical'];

interface Finding {
	screen: string;
	width: number;
	rule: string;
	impact: ImpactValue | 'layout';
	help: string;
	nodes: { target: string; html: string }[];
}

let browser: Browser;
before(async () => {
	browser = await launchSharedBrowser();
	await giveTheCoachAnUnreadNotification();
});
after(() => browser.close());

/** The admin assigns Hannah Kim to Marcus, so his home and Notifications list an unread
 * notification with its "Mark as read" button. (Not Priya: other specs count her unread.) */
async function giveTheCoachAnUnreadNotification() {
	const context = await browser.newContext();
	const page = await context.newPage();
	const home = await signIn(page, 'admin@northwind.demo');
	await visit(page, `${home}/coachees`);
	const profile = await page.getByRole('link', { name: 'Hannah Kim' }).getAttribute('href');
	await visit(page, `${profile}/assign`);
	await page.getByRole('combobox', { name: 'Coach' }).selectOption({ label: 'Marcus Bell' });
	await page.getByRole('button', { name: 'Submit' }).click();
	await page.waitForURL((url) => !url.pathname.endsWith('/assign'));
	await context.close();
}

/** axe's violations on what the page shows now, plus a horizontal scroll on a phone. */
async function audit(page: Page, screen: string, width: number): Promise<Finding[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
	// A menu or dialog fading in is judged at its final colours: mid-fade its text measured as
	// low contrast on a loaded CI machine. Only timed, finite animations end: spinners and
	// scroll-driven ones (the tab strip's edge fades) never do, and a second is plenty.
	await page.evaluate(() =>
		Promise.race([
			Promise.all(
				document
					.getAnimations()
					.filter((animation) => animation.timeline === document.timeline && animation.effect?.getComputedTiming().endTime !== Infinity)
					.map((animation) => animation.finished.catch(() => undefined))
			),
			new Promise((resolve) => setTimeout(resolve, 1000))
		])
	);
	const violations = await page.evaluate(async () => {
		const { axe } = window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } };
		const results = await axe.run(document, { resultTypes: ['violations'] });
		return results.violations.map(({ id, impact, help, nodes }) => ({
			rule: id,
			impact: impact ?? 'minor',
			help,
			nodes: nodes.map((node) => ({ target: node.target.join(' '), html: node.html.slice(0, 160) }))
		}));
	});
	const findings: Finding[] = violations.map((violation) => ({ screen, width, ...violation }));
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	if (overflow > 0) {
		findings.push({ screen, width, rule: 'horizontal-scroll', impact: 'layout', help: `the page is ${overflow}px wider than the screen`, nodes: [] });
	}
	return findings;
}

/** Opens a screen and waits for hydration; null when this role may not see it (4xx). */
async function visit(page: Page, path: string): Promise<string | null> {
	const response = await page.goto(`${baseUrl}${path}`);
	const status = response?.status() ?? 0;
	if (status >= 500) throw new Error(`${path} answered ${status}`);
	if (status >= 400) return null;
	await page.waitForSelector('html[data-hydrated]');
	return new URL(page.url()).pathname;
}

/** Every same-site link inside a navigation landmark (portal menu, tab strips). */
function navigationLinks(page: Page, within: string[]): Promise<string[]> {
	return page.evaluate(
		(prefixes) =>
			[...document.querySelectorAll<HTMLAnchorElement>('nav a[href]')]
				.map((link) => new URL(link.href))
				.filter((url) => url.origin === location.origin && prefixes.some((prefix) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`)))
				.map((url) => url.pathname),
		within
	);
}

/** A coachee the role can see, preferring one still editable (not Active). */
async function someCoachee(page: Page, home: string): Promise<string | null> {
	if (!(await visit(page, `${home}/coachees`))) return null;
	return page.evaluate((list) => {
		const rows = [...document.querySelectorAll('tbody tr')];
		const editable = rows.find((row) => /invited/i.test(row.textContent ?? ''));
		const link = (editable ?? rows[0])?.querySelector<HTMLAnchorElement>(`a[href^="${list}/"]`);
		return link ? new URL(link.href).pathname : null;
	}, `${home}/coachees`);
}

/** Screens no navigation link leads to; those the role may not open are skipped. */
async function unlinkedScreens(page: Page, home: string): Promise<string[]> {
	const profile = await someCoachee(page, home);
	const profileScreens = profile ? [profile, `${profile}/edit`, `${profile}/assign`] : [];
	return [...profileScreens, `${home}/coachees/new`, `${home}/groups/new`, `${home}/settings/members/invite`, `${home}/notifications`, `${home}/engagements/export`, '/account'];
}

/** Audits what the page shows at each width, resizing in place (layouts follow media
 * queries; the server renders the same page for any width). */
async function auditAtEachWidth(page: Page, screen: string): Promise<Finding[]> {
	const findings: Finding[] = [];
	for (const width of widths) {
		await page.setViewportSize({ width, height: 860 });
		await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
		findings.push(...(await audit(page, screen, width)));
	}
	return findings;
}

/** Visits the start screens and everything their navigation links reach, auditing each. */
async function crawl(page: Page, start: string[], within: string[]): Promise<{ screens: string[]; findings: Finding[] }> {
	const queue = [...start];
	const seen = new Set(queue);
	const screens: string[] = [];
	const findings: Finding[] = [];
	while (queue.length > 0) {
		const path = queue.shift()!;
		const landed = await visit(page, path);
		if (!landed || screens.includes(landed)) continue;
		screens.push(landed);
		findings.push(...(await auditAtEachWidth(page, landed)));
		for (const link of await navigationLinks(page, within)) {
			if (!seen.has(link)) {
				seen.add(link);
				queue.push(link);
			}
		}
	}
	return { screens, findings };
}

function report(who: string, findings: Finding[]) {
	const failing = findings.filter((finding) => finding.impact === 'layout' || failingImpacts.includes(finding.impact));
	const counts = new Map<string, number>();
	for (const finding of findings.filter((f) => !failing.includes(f))) {
		const key = `${finding.impact} ${finding.rule}`;
		counts.set(key, (counts.get(key) ?? 0) + finding.nodes.length);
	}
	console.log(`${who}: moderate/minor (not failing): ${[...counts].map(([key, n]) => `${key} ×${n}`).join(', ') || 'none'}`);
	const lines = failing.map(
		(finding) =>
			`- ${finding.screen} @${finding.width}px: ${finding.rule} (${finding.impact}) ${finding.help}` +
			finding.nodes.map((node) => `\n    ${node.target}\n      ${node.html}`).join('')
	);
	assert.equal(lines.length, 0, `${who}: ${lines.length} serious or critical accessibility problems:\n${lines.join('\n')}`);
}

/** The gallery (/dev/ui) shows shared components no demo user sees, e.g. the workspace switcher. */
const signedOutScreens = ['/signin', '/signup', '/signup/organisation', '/forgot-password', '/dev/mail', '/dev/ui'];

const signedInRoles = [
	{ who: 'firm admin', email: 'admin@northwind.demo' },
	{ who: 'coach', email: 'marcus@northwind.demo' },
	{ who: 'coachee', email: 'jordan@client.demo' },
	{ who: 'authorized user', email: 'quinn@northwind.demo' },
	{ who: 'independent coach', email: 'sam@solo.demo' }
];

for (const { who, email } of signedInRoles) {
	test(`every screen the ${who} can reach passes axe at ${widths.join(' and ')}px`, { timeout: 240_000 }, async () => {
		const context = await browser.newContext({ bypassCSP: true });
		const page = await context.newPage();
		try {
			const home = await signIn(page, email);
			const { screens, findings } = await crawl(page, [home, ...(await unlinkedScreens(page, home))], [home, '/account']);
			assert.ok(screens.length >= 3, `${who} reached only ${screens.join(', ')}`);
			report(who, findings);
		} finally {
			await context.close();
		}
	});
}

test('signed-out screens and the dev pages pass axe at both widths', { timeout: 120_000 }, async () => {
	const context = await browser.newContext({ bypassCSP: true });
	const page = await context.newPage();
	try {
		report('signed out', (await crawl(page, signedOutScreens, [])).findings);
	} finally {
		await context.close();
	}
});

test('the New dialog, a row\'s Options menu and the account menu pass axe while open', { timeout: 120_000 }, async () => {
	const context = await browser.newContext({ bypassCSP: true });
	const page = await context.newPage();
	try {
		const home = await signIn(page, 'admin@northwind.demo');
		const findings: Finding[] = [];
		for (const width of widths) {
			await page.setViewportSize({ width, height: 860 });
			await visit(page, `${home}/coachees`);
			await page.getByRole('link', { name: 'New' }).click();
			await page.getByRole('dialog').getByRole('textbox', { name: 'First Name' }).waitFor();
			findings.push(...(await audit(page, 'coachees, New dialog open', width)));
			await page.keyboard.press('Escape');
			await page.getByRole('dialog').waitFor({ state: 'detached' });

			await page.getByRole('button', { name: 'Options' }).first().click();
			await page.getByRole('menu').waitFor();
			findings.push(...(await audit(page, 'coachees, Options menu open', width)));
			await page.keyboard.press('Escape');

			await page.getByRole('button', { name: /account menu/i }).click();
			await page.getByRole('menu').waitFor();
			findings.push(...(await audit(page, 'coachees, account menu open', width)));
			await page.keyboard.press('Escape');
		}
		report('open dialogs and menus', findings);
	} finally {
		await context.close();
	}
});
