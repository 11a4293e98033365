/**
 * The Notepad's saving as the coach types. Every change gets a revision that only grows (the
 * clock, never less than the last one + 1) and is kept on the device at once; about a second
 * after the last keystroke it is sent, and the server keeps it only if nothing newer got
 * there first. A save that cannot reach Tandem leaves the copy on the device and is retried
 * when the connection returns, every few seconds meanwhile, and when the Notepad reopens.
 */
import { autosaveDelayMs } from './schema';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'offline' | 'refused';

export interface Draft {
	body: string;
	revision: number;
}

/** Sends one save; throws `Unreachable` when the network failed, anything else when refused. */
export type SendSave = (draft: Draft) => Promise<{ revision: number; saved: boolean }>;

export class Unreachable extends Error {}

const retryMs = 5000;

export class NotepadAutosave {
	body = $state('');
	status = $state<SaveStatus>('saved');
	problem = $state<string | null>(null);
	#revision: number;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#sending: Promise<void> | null = null;
	#again = false;

	constructor(
		private readonly storageKey: string,
		stored: Draft,
		private readonly send: SendSave
	) {
		this.body = stored.body;
		this.#revision = stored.revision;
	}

	/** Picks up an unsent copy left on this device, and retries when the connection returns. */
	start(): () => void {
		const unsent = this.#readUnsent();
		if (unsent && unsent.revision > this.#revision) {
			this.body = unsent.body;
			this.#revision = unsent.revision;
			this.status = 'unsaved';
			void this.flush();
		} else if (unsent) {
			localStorage.removeItem(this.storageKey);
		}
		const online = () => this.status === 'offline' && void this.flush();
		window.addEventListener('online', online);
		return () => {
			window.removeEventListener('online', online);
			clearTimeout(this.#timer);
		};
	}

	/** The textarea changed. */
	input(body: string) {
		this.body = body;
		this.#revision = Math.max(Date.now(), this.#revision + 1);
		this.#keepUnsent();
		if (this.status !== 'offline') this.status = 'unsaved';
		this.#schedule(autosaveDelayMs);
	}

	/** Sends the newest words now (the delay ran out, "Save notes", the connection came back). */
	async flush(): Promise<void> {
		clearTimeout(this.#timer);
		if (this.#sending) {
			this.#again = true;
			return this.#sending;
		}
		this.#sending = this.#sendNewest().finally(() => (this.#sending = null));
		await this.#sending;
		if (this.#again) {
			this.#again = false;
			await this.flush();
		}
	}

	async #sendNewest() {
		const draft = { body: this.body, revision: this.#revision };
		if (this.status === 'saved') return;
		if (this.status !== 'offline') this.status = 'saving';
		try {
			const outcome = await this.send(draft);
			this.problem = null;
			this.#forgetUnsentUpTo(Math.max(outcome.revision, draft.revision));
			// Typed meanwhile: the next save is already due.
			this.status = this.#revision === draft.revision ? 'saved' : 'unsaved';
		} catch (error) {
			if (error instanceof Unreachable) {
				this.status = 'offline';
				this.#schedule(retryMs);
			} else {
				this.status = 'refused';
				this.problem = error instanceof Error ? error.message : String(error);
			}
		}
	}

	#schedule(ms: number) {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), ms);
	}

	#keepUnsent() {
		try {
			localStorage.setItem(this.storageKey, JSON.stringify({ body: this.body, revision: this.#revision } satisfies Draft));
		} catch {
			// Storage full or refused (private mode): the server copy is all there is.
		}
	}

	#forgetUnsentUpTo(revision: number) {
		const unsent = this.#readUnsent();
		if (unsent && unsent.revision <= revision) localStorage.removeItem(this.storageKey);
	}

	#readUnsent(): Draft | null {
		try {
			const value = JSON.parse(localStorage.getItem(this.storageKey) ?? 'null') as Partial<Draft> | null;
			return typeof value?.body === 'string' && typeof value.revision === 'number' ? { body: value.body, revision: value.revision } : null;
		} catch {
			return null;
		}
	}
}
