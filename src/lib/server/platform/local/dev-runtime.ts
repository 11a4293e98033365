/** The local runtime behind `npm run dev`: one per process, kept across hot reloads. */
import { createLocalRuntime, type LocalRuntime } from '.';

const holder = globalThis as typeof globalThis & { __tandemDevRuntime?: Promise<LocalRuntime> };

export function devRuntime(): Promise<LocalRuntime> {
	holder.__tandemDevRuntime ??= createLocalRuntime({
		dataDir: process.env.TANDEM_DATA_DIR ?? '.data',
		persistMail: true,
		config: {
			// Read per link: the dev server may report its port after this runtime exists.
			get appUrl() {
				return localAppUrl(process.env);
			}
		}
	}).then(async (runtime) => {
		// An app clock moved at /dev/clock stays moved across restarts, until reset.
		await runtime.platform.devClock?.load();
		runtime.startTicker(Number(process.env.TANDEM_TICK_MS ?? 60_000));
		return runtime;
	});
	return holder.__tandemDevRuntime;
}

/**
 * The origin of local email links. APP_URL set by hand wins; then the address the dev server
 * really listens on (Vite moves off 5173 when it is taken; vite.config.ts reports the port
 * in TANDEM_DEV_ORIGIN once listening); then Vite's default.
 */
export function localAppUrl(env: Record<string, string | undefined>): string {
	return env.APP_URL || env.TANDEM_DEV_ORIGIN || 'http://localhost:5173';
}
