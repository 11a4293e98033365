/** Validation shared by the browser and the server; keep it free of server imports. */
import { z } from 'zod';

/** C0 and C1 controls (CR, LF, TAB, NUL, ...), the Unicode line and paragraph separators,
 * and the bidi controls that can make text read differently from what it contains. */
const controlCharacters = /[\p{Cc}\u2028\u2029\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/gu;

export const singleLineMessage =
	'Use letters, numbers and ordinary punctuation only; line breaks and invisible control characters are not allowed.';

export const isSingleLinePlainText = (value: string) => !value.match(controlCharacters);

/** For every name or title shown on one line: in lists, in headings, in email subjects. */
export const singleLine = <T extends z.ZodType<string>>(schema: T) => schema.refine(isSingleLinePlainText, singleLineMessage);

/** For text from elsewhere that must fit on one line: each control character becomes a
 * space, and runs of spaces collapse. */
export const toSingleLine = (value: string) => value.replace(controlCharacters, ' ').replace(/\s+/g, ' ').trim();
