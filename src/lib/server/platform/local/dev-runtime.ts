/** The local runtime behind `npm run dev`: one per process, kept across hot reloads. */
import { createLocalRuntime, type LocalRuntime } from '.';
import { localAppUrl } from './dev-origin';

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
	}).then((runtime) => {
		runtime.startTicker(Number(process.env.TANDEM_TICK_MS ?? 60_000));
		return runtime;
	});
	return holder.__tandemDevRuntime;
}
