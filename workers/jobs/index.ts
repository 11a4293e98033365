/**
 * The Cloudflare jobs worker: a thin adapter from Cron Triggers and the `tandem-jobs`
 * queue to the shared handlers in src/lib/server/jobs/runner.ts (the same handlers the
 * local in-process queue and ticker call). Wrangler bundles this file and everything it
 * imports with esbuild; config in ./wrangler.toml.
 */
import { handleJob, runCronTick } from '../../src/lib/server/jobs/runner';
import { cloudflarePlatform, type CloudflareEnv } from '../../src/lib/server/platform/cloudflare';
import { consumeBatch } from './consumer';

export default {
	/** Every minute (UTC). Ticks may repeat or be skipped; runCronTick claims due work
	 * with conditional updates, so either is harmless. */
	scheduled(controller, env, ctx) {
		ctx.waitUntil(
			runCronTick(cloudflarePlatform(env)).catch((error: unknown) => {
				console.error(`jobs: cron tick ${controller.cron} at ${new Date(controller.scheduledTime).toISOString()} failed`, error);
				throw error; // keep the invocation marked as failed in Workers observability
			})
		);
	},

	async queue(batch, env) {
		const platform = cloudflarePlatform(env);
		await consumeBatch(batch.messages, (body) => handleJob(platform, body));
	}
} satisfies ExportedHandler<CloudflareEnv>;
