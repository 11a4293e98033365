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

export const passwordSchema = z
	.string()
	.min(10, 'Use at least 10 characters.')
	.max(200, 'Use at most 200 characters.')
	.refine((value) => new Set(value).size >= 5, 'This password is too easy to guess; mix more characters.')
	.refine((value) => !commonPasswords.has(value.toLowerCase()), 'This password is too common; choose another.');

export const personNameSchema = (label: string) =>
	singleLine(z.string().trim().min(1, `Enter a ${label}.`).max(100, `The ${label} can be at most 100 characters.`));

export const tokenSchema = z.string().trim().min(10, 'This link is incomplete. Open it again from the email.').max(200);

const commonPasswords = new Set([
	'password123',
	'password1234',
	'qwertyuiop',
	'1234567890',
	'letmein123',
	'welcome123',
	'iloveyou123',
	'administrator',
	'passw0rd123'
]);
