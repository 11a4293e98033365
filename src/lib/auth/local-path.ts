/** Only same-site paths: one leading '/', never '//' or '/\' (other sites to a browser).
 * Where sign-in may send someone afterwards (`?redirectTo=`). */
export const localPath = /^\/(?![/\\])[\w\-./?=&%]*$/;

/** The requested path when it stays in Tandem, else undefined. */
export const sameSitePath = (requested: string | null | undefined): string | undefined =>
	requested && localPath.test(requested) ? requested : undefined;
