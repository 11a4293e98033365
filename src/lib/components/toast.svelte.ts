/**
 * Toast messages for confirmations ("Coachee saved") and failures, rendered by <Toaster>.
 *
 *   toast.success('Invitation sent');
 *   toast.success('Goal deleted', { action: { label: 'Undo', run: () => restoreGoal(id) } });
 *   toast.error('Could not save. Check your connection and try again.');
 *
 * Toasts pause while hovered or focused. Call only from the browser (event handlers,
 * effects): on the server it does nothing, so state never leaks between requests.
 */

export type ToastKind = 'success' | 'error' | 'info';

export interface ToastAction {
	label: string;
	run: () => unknown;
}

export interface ToastOptions {
	/** e.g. { label: 'Undo', run } */
	action?: ToastAction;
	/** Milliseconds before it goes; Infinity keeps it until dismissed. */
	duration?: number;
}

export interface ToastItem {
	id: number;
	kind: ToastKind;
	message: string;
	action?: ToastAction;
	duration: number;
}

const MAX_VISIBLE = 4;

function defaultDuration(kind: ToastKind, hasAction: boolean): number {
	if (kind === 'error') return 10_000;
	return hasAction ? 8_000 : 5_000;
}

class ToastStore {
	items = $state<ToastItem[]>([]);
	#nextId = 1;
	#timers = new Map<number, { handle?: ReturnType<typeof setTimeout>; remaining: number; started: number }>();

	show(kind: ToastKind, message: string, options: ToastOptions = {}): number {
		if (typeof window === 'undefined') return 0;
		const id = this.#nextId++;
		const duration = options.duration ?? defaultDuration(kind, !!options.action);
		this.items = [...this.items, { id, kind, message, action: options.action, duration }];
		while (this.items.length > MAX_VISIBLE) this.dismiss(this.items[0].id);
		if (Number.isFinite(duration)) {
			this.#timers.set(id, { remaining: duration, started: 0 });
			this.resume(id);
		}
		return id;
	}

	success(message: string, options?: ToastOptions): number {
		return this.show('success', message, options);
	}

	error(message: string, options?: ToastOptions): number {
		return this.show('error', message, options);
	}

	info(message: string, options?: ToastOptions): number {
		return this.show('info', message, options);
	}

	dismiss(id: number): void {
		const t = this.#timers.get(id);
		if (t?.handle) clearTimeout(t.handle);
		this.#timers.delete(id);
		this.items = this.items.filter((item) => item.id !== id);
	}

	clear(): void {
		for (const item of this.items) this.dismiss(item.id);
	}

	/** Stop the countdown (pointer over, or focus inside, the toast). */
	pause(id: number): void {
		const t = this.#timers.get(id);
		if (!t?.handle) return;
		clearTimeout(t.handle);
		t.handle = undefined;
		t.remaining -= Date.now() - t.started;
	}

	resume(id: number): void {
		const t = this.#timers.get(id);
		if (!t || t.handle) return;
		t.started = Date.now();
		t.handle = setTimeout(() => this.dismiss(id), Math.max(t.remaining, 1_500));
	}

	async runAction(id: number): Promise<void> {
		const item = this.items.find((i) => i.id === id);
		if (!item?.action) return;
		this.dismiss(id);
		await item.action.run();
	}
}

export const toast = new ToastStore();
