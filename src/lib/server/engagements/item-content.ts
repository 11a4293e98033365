/**
 * Turns item contents (typed on the engagement page, or taken from a program template) into
 * what an engagement item keeps, checking every reference against what the author may use:
 * an assessment of the library that is not archived (its questions are copied now, so the
 * library may change later), and a file the author may see. A bad reference is a field
 * error on that item (`items.<index>.<field>`), and nothing is made.
 */
import { and, eq, inArray, isNull, or, type SQLWrapper } from 'drizzle-orm';
import { assessmentTemplates, files, people } from '../db/tenant/schema';
import { coacheesVisibleTo } from '../coachees/service';
import { DomainError } from '../errors';
import type { TenantScope } from '../tenancy/scope';
import type { ItemContent, ItemDetails, ItemKind } from '../../engagements/schema';

export interface ResolvedItem {
	kind: ItemKind;
	title: string;
	details: ItemDetails;
}

/** The files an author may send: their own uploads, and the shared files of the coachees they reach. */
export function pickableFiles(scope: TenantScope) {
	const reached = scope.db.select({ id: people.id }).from(people).where(coacheesVisibleTo(scope));
	return or(eq(files.uploaderId, scope.personId), and(eq(files.visibility, 'shared'), inArray(files.coacheeId, reached)))!;
}

/** The two reads a set of contents needs; batch them with the caller's own reads. */
export function itemReferenceQueries(scope: TenantScope, contents: readonly ItemContent[]) {
	const templateIds = contents.flatMap((c) => (c.kind === 'assessment' ? [c.assessmentTemplateId] : []));
	const fileIds = contents.flatMap((c) => (c.kind === 'file' ? [c.fileId] : []));
	return referenceQueries(scope, templateIds.length ? templateIds : [''], fileIds.length ? fileIds : ['']);
}

/** The same reads for ids given as a subquery (Bulk Create reads the references of the
 * templates it finds in the same batch as the templates). */
export function referenceQueries(scope: TenantScope, templateIds: string[] | SQLWrapper, fileIds: string[] | SQLWrapper) {
	return [
		scope.db
			.select()
			.from(assessmentTemplates)
			.where(and(inArray(assessmentTemplates.id, templateIds), isNull(assessmentTemplates.archivedAt))),
		scope.db
			.select({ id: files.id, name: files.name })
			.from(files)
			.where(and(inArray(files.id, fileIds), pickableFiles(scope)))
	] as const;
}
export type References = [Awaited<ReturnType<typeof referenceQueries>[0]>, Awaited<ReturnType<typeof referenceQueries>[1]>];

/** Checks the contents against the references read and shapes them; `field` names where the
 * items sit in the form, for the field errors. */
export function resolveWith(contents: readonly ItemContent[], [templates, pickable]: References, field = 'items'): ResolvedItem[] {
	const errors: Record<string, string[]> = {};
	const resolved = contents.map((content, index): ResolvedItem | null => {
		const details = detailsOf(content, templates, pickable);
		if (typeof details === 'string') {
			errors[`${field}.${index}.${content.kind === 'assessment' ? 'assessmentTemplateId' : 'fileId'}`] = [details];
			return null;
		}
		return { kind: content.kind, title: content.title, details };
	});
	if (Object.keys(errors).length) {
		throw new DomainError('invalid', 'Some items point at something you cannot use any more. Pick another for each one marked.', errors);
	}
	return resolved as ResolvedItem[];
}

function detailsOf(content: ItemContent, templates: References[0], pickable: References[1]): ItemDetails | string {
	switch (content.kind) {
		case 'session':
			return {
				kind: 'session',
				durationMinutes: content.durationMinutes,
				format: content.format,
				location: '',
				message: content.message,
				coacheeSchedules: content.coacheeSchedules
			};
		case 'assessment': {
			const template = templates.find((t) => t.id === content.assessmentTemplateId);
			if (!template) return 'That assessment is no longer in the library (it was deleted or archived). Pick another.';
			return { kind: 'assessment', assessmentTemplateId: template.id, assessmentKind: template.kind, questions: template.questions };
		}
		case 'file': {
			const file = pickable.find((f) => f.id === content.fileId);
			if (!file) return 'That file was deleted, or is not one you can send. Pick another.';
			return { kind: 'file', sourceFileId: file.id, fileName: file.name };
		}
		case 'link':
			return { kind: 'link', url: content.url };
	}
}

/** Reads the references and resolves, in one round trip. */
export async function resolveItemContents(scope: TenantScope, contents: readonly ItemContent[], field = 'items'): Promise<ResolvedItem[]> {
	if (!contents.length) return [];
	const [templates, pickable] = await scope.db.batch(itemReferenceQueries(scope, contents));
	return resolveWith(contents, [templates, pickable], field);
}
