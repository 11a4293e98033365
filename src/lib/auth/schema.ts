/** zod schemas shared by every form that takes identity fields, on the server and in the browser. */
import { z } from 'zod';
import { singleLine } from '../validation';

export const emailSchema = z
	.string()
	.trim()
	.toLowerCase()
	.min(1, 'Enter an email address.')
	.max(254, 'That email address is too long.')
	.pipe(z.email('Enter a valid email address, like name@example.com.'));

/** Length only: how guessable a password is needs the dictionaries, so the server judges that
 * (`refuseWeakPassword`) and the field shows the verdict while typing. */
export const passwordSchema = z.string().min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.');

export const personNameSchema = (label: string) =>
	singleLine(z.string().trim().min(1, `Enter a ${label}.`).max(100, `The ${label} can be at most 100 characters.`));

/** Sign-up's refusal of a taken address; the form shows links to sign in or reset beside it. */
export const emailTakenMessage = 'An account with this email already exists. Sign in instead, or reset your password if you forgot it.';

export const tokenSchema = z.string().trim().min(10, 'This link is incomplete. Open it again from the email.').max(200);
