/**
 * The Cloudflare jobs worker: a thin adapter from Cron Triggers and the `tandem-jobs`
 * queue to the shared handlers in src/lib/server/jobs/runner.ts (the same handlers the
 * local in-process queue and ticker call). Wrangler bundles this file and everything it
 * imports with esbuild; config in ./wrangler.toml.
 */
import { handleJob, runCronTick } from '../../src/lib/server/jobs/runner';
import { cloudflarePlatform, type CloudflareEnv } from '../../src/lib/server/platform/cloudflare';
import { consumeBatch } from './consumer';

/** The platform for one invocation. With dev tools on (`npm run preview`, the browser suite)
 * the app's clock may have been moved at the app worker's /dev/clock: read where it stands. */
async function invocationPlatform(env: CloudflareEnv) {
	const platform = cloudflarePlatform(env);
	await platform.devClock?.load();
	return platform;
}

export default {
	/** Every minute (UTC). Ticks may repeat or be skipped; runCronTick claims due work
	 * with conditional updates, so either is harmless. */
	scheduled(controller, env, ctx) {
		ctx.waitUntil(
			invocationPlatform(env).then(runCronTick).catch((error: unknown) => {
				console.error(`jobs: cron tick ${controller.cron} at ${new Date(controller.scheduledTime).toISOString()} failed`, error);
				throw error; // keep the invocation marked as failed in Workers observability
			})
		);
	},

	async queue(batch, env) {
		const platform = await invocationPlatform(env);
		await consumeBatch(batch.messages, (body) => handleJob(platform, body));
	}
} satisfies ExportedHandler<CloudflareEnv>;
