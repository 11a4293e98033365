/** What a form action answers, shared by the server helper (src/lib/server/forms.ts) and
 * ActionForm on the page. */
export interface FormFailure {
	/** The action that refused: a page with several forms shows the reply under the right one. */
	form: string;
	message: string;
	fieldErrors: Record<string, string[]>;
	/** What was typed, secrets left out, to fill the form again. */
	values: Record<string, string | boolean | string[]>;
}

export interface FormSuccess {
	form: string;
	ok: true;
}
