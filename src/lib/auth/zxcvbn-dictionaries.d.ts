// zxcvbn-ts ships each word list as its own module but types only its package index, which
// imports them all; these let password-strength.ts load just the lists it uses.
declare module '@zxcvbn-ts/language-en/dist/commonWords.json.mjs' {
	const words: string[];
	export default words;
}
declare module '@zxcvbn-ts/language-en/dist/firstnames.json.mjs' {
	const words: string[];
	export default words;
}
declare module '@zxcvbn-ts/language-en/dist/translations.mjs' {
	import type { TranslationKeys } from '@zxcvbn-ts/core';
	const translations: TranslationKeys;
	export default translations;
}
