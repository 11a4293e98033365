/** The tracked wrangler configs of the two Workers, read by the deploy preflight and the preview. */
export const WORKER_CONFIGS = { app: 'wrangler.toml', jobs: 'workers/jobs/wrangler.toml' } as const;
