import { launchBrowser } from '/work/wt-files/tests/e2e/browser';
import { baseUrl, signIn } from '/work/wt-files/tests/e2e/pages';
const ctx = await launchBrowser({ width: 375, height: 812 }, { javaScript: false });
const page = await ctx.newPage();
await signIn(page, 'jordan@client.demo', { scripts: false });
await page.goto(`${baseUrl}/t/northwind-coaching/files`);
await page.getByRole('link', { name: '+ Files' }).click();
await page.waitForURL(/\/files\/new$/);
await page.getByLabel('Files').setInputFiles([
	{ name: 'My notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Notes from the week') },
	{ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00binary') }
]);
await page.screenshot({ path: '/tmp/shots/files/nojs-new-375.png', fullPage: true });
await page.getByRole('button', { name: 'Submit' }).click();
await page.waitForLoadState();
console.log('after partial:', page.url());
await page.screenshot({ path: '/tmp/shots/files/nojs-partial-375.png', fullPage: true });
await page.getByLabel('Files').setInputFiles([{ name: 'Reflection.txt', mimeType: 'text/plain', buffer: Buffer.from('All good') }]);
await page.getByRole('button', { name: 'Submit' }).click();
await page.waitForURL(/\/files$/);
await page.screenshot({ path: '/tmp/shots/files/nojs-done-375.png', fullPage: true });
await ctx.close();
