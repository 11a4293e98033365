/**
 * Errors that belong to the domain, not to a transport. Services throw them; the tRPC
 * middleware (trpc/errors.ts) turns them into HTTP answers, form actions into field
 * messages, and jobs into a rejected row instead of a retry. Every message is written for
 * the person who will read it.
 */

export type FieldErrors = Record<string, string[]>;

/** What went wrong, in words a person and a job runner can both act on. */
export type DomainErrorCode =
	| 'invalid' // the input cannot be accepted as it is: retrying will not help
	| 'unauthenticated' // sign in first
	| 'forbidden' // signed in, but this person may not do this
	| 'not_found' // nothing there, or nothing this person may see
	| 'conflict' // the state changed or the thing already exists
	| 'rate_limited'; // too many attempts: wait and try again

export class DomainError extends Error {
	readonly fieldErrors: FieldErrors | null;
	constructor(
		readonly code: DomainErrorCode,
		message: string,
		fieldErrors?: FieldErrors
	) {
		super(message);
		this.name = 'DomainError';
		this.fieldErrors = fieldErrors ?? null;
	}
}

/** The domain error behind `error`, if any: drizzle wraps what the database client throws
 * (our tenant guard's refusals included) in a DrizzleQueryError whose cause is the original. */
export function domainErrorIn(error: unknown): DomainError | null {
	for (let current = error, depth = 0; current && depth < 4; depth++) {
		if (current instanceof DomainError) return current;
		current = (current as { cause?: unknown }).cause;
	}
	return null;
}

/** A message that belongs under one field of the form. */
export function fieldError(field: string, message: string, code: 'invalid' | 'conflict' = 'invalid'): DomainError {
	return new DomainError(code, message, { [field]: [message] });
}

export const badRequest = (message: string) => new DomainError('invalid', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const notFound = (message: string) => new DomainError('not_found', message);
export const conflict = (message: string) => new DomainError('conflict', message);
export const unauthorized = (message = 'Sign in to continue.') => new DomainError('unauthenticated', message);
export const tooManyRequests = (message: string) => new DomainError('rate_limited', message);

/** SQLite's constraint families, as libSQL reports them (`SQLITE_CONSTRAINT_UNIQUE`, ...). */
export type ConstraintKind = 'unique' | 'foreign_key' | 'other';

/** The constraint a database error broke, or null when it is not a constraint violation.
 * libSQL puts the extended code in `code` (Node) or in the message (over HTTP). */
export function constraintViolation(error: unknown): ConstraintKind | null {
	for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
		const { code, message } = current as { code?: unknown; message?: unknown };
		const text = `${typeof code === 'string' ? code : ''} ${typeof message === 'string' ? message : ''}`;
		if (/SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)|UNIQUE constraint failed/.test(text)) return 'unique';
		if (/SQLITE_CONSTRAINT_FOREIGNKEY|FOREIGN KEY constraint failed/.test(text)) return 'foreign_key';
		if (/SQLITE_CONSTRAINT/.test(text)) return 'other';
		current = (current as { cause?: unknown }).cause;
	}
	return null;
}

/** Runs `write`; if it breaks a unique constraint (a concurrent twin got there first),
 * throws `whenTaken` instead of the database's text. */
export async function uniqueOr<T>(write: () => Promise<T>, whenTaken: () => DomainError): Promise<T> {
	try {
		return await write();
	} catch (error) {
		if (constraintViolation(error) === 'unique') throw whenTaken();
		throw error;
	}
}
