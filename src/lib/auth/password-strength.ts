/**
 * How guessable a new password is, by zxcvbn-ts: the server refuses weak ones and the
 * password field shows the same verdict while typing. The dictionaries weigh about 450 KB
 * gzipped, so they load on first use (a separate chunk in the browser, lazily evaluated in
 * the worker) and neither a cold start nor a first paint pays for them.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** zxcvbn's 0-4 scale; 3 means "safely unguessable" (about 10^8 guesses or more). */
export const minimumPasswordScore = 3;

export const passwordScoreLabels = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

export interface PasswordVerdict {
	score: 0 | 1 | 2 | 3 | 4;
	acceptable: boolean;
	/** Why it is refused and what to do instead; null when acceptable. */
	problem: string | null;
}

let estimator: Promise<ZxcvbnFactory> | null = null;

function loadEstimator(): Promise<ZxcvbnFactory> {
	// English surnames and Wikipedia words are left out: 380 KB gzipped of the worker's bundle
	// for little (a surname plus digits is mostly in the common-password list already, and the
	// person's own name is checked as context).
	estimator ??= Promise.all([
		import('@zxcvbn-ts/core'),
		import('@zxcvbn-ts/language-common'),
		import('@zxcvbn-ts/language-en/dist/commonWords.json.mjs'),
		import('@zxcvbn-ts/language-en/dist/firstnames.json.mjs'),
		import('@zxcvbn-ts/language-en/dist/translations.mjs')
	]).then(
		([core, common, commonWords, firstnames, translations]) =>
			new core.ZxcvbnFactory({
				dictionary: { ...common.dictionary, 'commonWords-en': commonWords.default, 'firstnames-en': firstnames.default },
				graphs: common.adjacencyGraphs,
				translations: translations.default,
				// Off: with it one check took 100-450 ms of CPU (measured with tsx), too much for a
				// Worker's request; without it "password12" and the like are still caught.
				useLevenshteinDistance: false
			})
	);
	return estimator;
}

/** `context`: words an attacker would try first for this person (their name, email, the product). */
export async function judgePassword(password: string, context: string[]): Promise<PasswordVerdict> {
	const zxcvbn = await loadEstimator();
	const result = zxcvbn.check(password, [...context.flatMap(wordsOf), 'tandem', 'coaching', 'coach']);
	const acceptable = result.score >= minimumPasswordScore;
	const why = result.feedback.warning || 'This password would be easy to guess.';
	const advice = result.feedback.suggestions.length ? result.feedback.suggestions.join(' ') : 'Add another word or two that are not about you.';
	return { score: result.score, acceptable, problem: acceptable ? null : `${why} ${advice}` };
}

/** "ana.lee@acme.com" is tried as "ana.lee@acme.com", "ana", "lee" and "acme" too. */
function wordsOf(value: string): string[] {
	const lower = value.toLowerCase();
	return [lower, ...lower.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3)];
}
