/** Tenant slugs appear in every URL (`/t/<slug>/...`). */
export const reservedSlugs = new Set(['admin', 'api', 'app', 'dev', 'new', 'settings', 'signin', 'signup', 'www']);

export function slugify(name: string): string {
	const slug = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/g, '');
	return slug.length >= 2 && !reservedSlugs.has(slug) ? slug : `team-${slug || 'tandem'}`;
}
