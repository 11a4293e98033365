/**
 * Bindings, vars and secrets of both Workers (`wrangler.toml` for the app worker,
 * `workers/jobs/wrangler.toml` for the jobs worker). The vars come from the operator's
 * deploy/<environment>.env through `npm run deploy`; the required secrets are listed in each
 * toml's `[secrets] required` and set with `wrangler secret bulk` on each worker (see
 * docs/DEPLOY.md).
 *
 * Types for R2Bucket and Queue come from @cloudflare/workers-types (tsconfig `types`).
 */
export interface CloudflareEnv {
	/** R2 bucket for uploads and exports; keys are prefixed `tenants/<id>/...`. */
	FILES: R2Bucket;
	/** Producer binding of the `tandem-jobs` queue; the jobs worker consumes it. */
	JOBS: Queue<unknown>;

	// [vars]
	/** Public origin, e.g. https://app.tandem.coach (email links, origin checks). */
	APP_URL: string;
	/** Sender for all email, e.g. `Tandem <notifications@tandem.coach>`; its domain must be verified in Resend. */
	MAIL_FROM: string;

	// secrets
	/** libsql://<control-db>-<org>.turso.io */
	CONTROL_DB_URL: string;
	CONTROL_DB_TOKEN: string;
	/** Turso organization slug (Platform API path segment). */
	TURSO_ORG: string;
	/** Turso group new tenant databases are created in. */
	TURSO_GROUP: string;
	/** Turso Platform API token (`turso auth api-tokens mint ...`). */
	TURSO_API_TOKEN: string;
	/** Keys sealing tenant database tokens in the control plane: base64 32-byte keys separated by
	 * commas or spaces; the first seals, all open (`npm run tenants:new-token-key` mints one). */
	TENANT_TOKEN_KEYS?: string;
	RESEND_API_KEY: string;
	/**
	 * S3-API credentials of the R2 bucket (an R2 API token with Object Read & Write on it),
	 * with which the app worker presigns the short-lived links browsers upload and download
	 * files through (./file-links.ts, ./presign.ts). Required secrets of the app worker; only
	 * `npm run preview` (APP_URL on localhost) runs without them, on the app's own signed links.
	 */
	R2_ACCOUNT_ID: string;
	R2_ACCESS_KEY_ID: string;
	R2_SECRET_ACCESS_KEY: string;
	/** Bucket name as seen through the S3 API (the same bucket the FILES binding points at). */
	R2_BUCKET: string;

	// local preview only (`npm run preview`); the deploy preflight refuses them in production
	/** The local Turso double (scripts/local-turso): it answers the Platform API and serves
	 * each database at `<origin>/db/<name>/`. Production uses https://api.turso.tech. */
	TURSO_API_URL?: string;
	/** Base URL of the local Resend double instead of https://api.resend.com. */
	RESEND_API_URL?: string;
	/** The local Resend double's mailbox: turns on /dev/mail, and only for a localhost APP_URL. */
	DEV_MAILBOX_URL?: string;
}
