/** The local runtime behind `npm run dev`: one per process, kept across hot reloads. */
import { createLocalRuntime, type LocalRuntime } from '.';

const holder = globalThis as typeof globalThis & { __tandemDevRuntime?: Promise<LocalRuntime> };

export function devRuntime(): Promise<LocalRuntime> {
	holder.__tandemDevRuntime ??= createLocalRuntime({
		dataDir: process.env.TANDEM_DATA_DIR ?? '.data',
		persistMail: true,
		config: { appUrl: process.env.APP_URL ?? 'http://localhost:5173' }
	}).then((runtime) => {
		runtime.startTicker(Number(process.env.TANDEM_TICK_MS ?? 60_000));
		return runtime;
	});
	return holder.__tandemDevRuntime;
}
