/**
 * `npm run preview`: after `vite build`, runs both Workers' deploy bundles in workerd against
 * the local Turso and Resend doubles, with the demo seeded (scripts/preview/start.ts says how).
 * Use it before a deploy, or when a change touches what only Workers do (bundling,
 * nodejs_compat, the queue, the cron, libSQL over HTTP); `npm run dev` stays the fast loop.
 *
 * env: PORT (default 8787), TANDEM_PREVIEW_DIR (default .data/preview), TANDEM_TICK_MS
 * (cron interval, default 60000), TURSO_RTT_MS (delay per database round trip, default 0).
 */
import { demoPassword, demoSignIns } from '../../src/lib/server/demo/seed';
import { startPreview } from './start';

const dataDir = process.env.TANDEM_PREVIEW_DIR ?? '.data/preview';
const preview = await startPreview({
	dataDir,
	port: Number(process.env.PORT ?? 8787),
	cronIntervalMs: Number(process.env.TANDEM_TICK_MS ?? 60_000),
	rttMs: Number(process.env.TURSO_RTT_MS ?? 0)
});

console.log(`\nTandem's production bundle is running in workerd at ${preview.appUrl} (data in ${dataDir}/).`);
console.log(`Sign in with password "${demoPassword}":`);
for (const { who, email } of demoSignIns) console.log(`  ${who.padEnd(34)} ${email}`);
console.log(`Emails the jobs worker sends appear at ${preview.appUrl}/dev/mail; the cron fires every ${Number(process.env.TANDEM_TICK_MS ?? 60_000) / 1000}s.`);
console.log(`Databases: local Turso at ${preview.turso.origin} (round trips: ${preview.turso.origin}/_local/round-trips). Ctrl-C stops.\n`);

const stop = async () => {
	await preview.close();
	process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
