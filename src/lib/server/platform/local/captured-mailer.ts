import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { CapturedEmail, DevMailbox, Mailer, OutgoingEmail, SendResult } from '../ports';

/**
 * Resend's stand-in for local runs and tests: keeps what would have been sent, readable at
 * /dev/mail. It honours the same idempotency contract as Resend: a repeated key returns
 * the first result and sends nothing new.
 */
export class CapturedMailer implements Mailer, DevMailbox {
	private readonly emails: CapturedEmail[] = [];

	/** With a file, the mailbox survives dev-server restarts. */
	constructor(private readonly file?: string) {
		if (file && existsSync(file)) {
			for (const line of readFileSync(file, 'utf8').split('\n')) if (line) this.emails.push(JSON.parse(line));
		}
	}

	async send(email: OutgoingEmail, idempotencyKey: string): Promise<SendResult> {
		const earlier = this.emails.find((sent) => sent.idempotencyKey === idempotencyKey);
		if (earlier) return { ok: true, providerId: earlier.id };
		const captured = { ...email, id: crypto.randomUUID(), idempotencyKey, sentAt: new Date().toISOString() };
		this.emails.push(captured);
		if (this.file) appendFileSync(this.file, `${JSON.stringify(captured)}\n`);
		return { ok: true, providerId: captured.id };
	}

	/** Newest first. */
	list(): CapturedEmail[] {
		return [...this.emails].reverse();
	}
}
