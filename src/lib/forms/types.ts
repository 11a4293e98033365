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

/** What a successful action answers a script (src/lib/server/form-outcome.ts): the
 * confirmation to show, where a page without scripts would have gone, and optionally the
 * action that undoes it. */
export type FormOutcome = {
	message: string;
	location: string;
	undo?: { action: string; fields: ActionFields };
};

/** Hidden fields of a small form posted from script (a menu item, Undo). */
export type ActionFields = Record<string, string | string[]>;
