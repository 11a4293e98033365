/**
 * The app worker's signed file links: presigned R2 URLs (./presign.ts) whenever the R2_*
 * secrets are set, which a deployment must do (the deploy preflight and `[secrets] required`
 * say so); the app's own signed /files/blob links only for an app served from this machine
 * (`npm run preview`, where workerd has no R2 S3 endpoint). Anything else refuses on first
 * use, loudly, instead of handing browsers links that cannot work.
 *
 * Kept out of `cloudflarePlatform` so the AWS SDK lands only in the app worker's bundle.
 */
import { appFileLinks } from '../app-file-links';
import type { Clock, FileLinks } from '../ports';
import type { CloudflareEnv } from './env';
import { r2PresignerFromEnv } from './presign';

const r2Secrets = ['R2_ACCOUNT_ID', 'R2_ACCESS_KEY_ID', 'R2_SECRET_ACCESS_KEY', 'R2_BUCKET'] as const;

const servedLocally = (appUrl: string) => ['localhost', '127.0.0.1'].includes(new URL(appUrl).hostname);

export function cloudflareFileLinks(env: CloudflareEnv, clock: Clock): FileLinks {
	const appUrl = (env.APP_URL ?? '').replace(/\/+$/, '');
	if (r2Secrets.every((name) => env[name])) {
		const signer = r2PresignerFromEnv(env);
		return {
			uploadUrl: (key, { contentType, expiresInSeconds }) => signer.presignPut(key, { contentType, expiresInSeconds }),
			downloadUrl: (key, { name, contentType, inline, expiresInSeconds }) =>
				signer.presignGet(key, { downloadName: name, contentType, inline, expiresInSeconds })
		};
	}
	if (appUrl && servedLocally(appUrl)) return appFileLinks({ appUrl: () => appUrl, secret: env.TENANT_TOKEN_KEYS ?? '', clock });
	const missing = r2Secrets.filter((name) => !env[name]).join(', ');
	const refuse = async (): Promise<string> => {
		throw new Error(`File links need the R2 secrets: ${missing} not set (docs/DEPLOY.md, "R2 API token").`);
	};
	return { uploadUrl: refuse, downloadUrl: refuse };
}
