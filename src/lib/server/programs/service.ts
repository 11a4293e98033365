/**
 * The library of program templates (issue 11, "Program templates"): list, read with what the
 * builder offers, create, update, duplicate, archive and restore. An admin keeps the firm's
 * library (no owner); a coach keeps their own templates next to it (programs/access.ts).
 * Every read of a page is one batch; a save reads the template and the assessments and files
 * its items name in one batch, then writes. A template only ever stores item contents:
 * engagements copy them when they are made, so editing a template never changes one.
 */
import { and, asc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { fullName } from '../auth/service';
import { assessmentTemplates, files, people, programTemplates } from '../db/tenant/schema';
import { itemReferenceQueries, pickableFiles, resolveWith } from '../engagements/item-content';
import { DomainError, forbidden, notFound } from '../errors';
import { hasRole, type TenantScope } from '../tenancy/scope';
import { mayEditProgram, visiblePrograms, type ProgramTemplate } from './access';
import { itemKindLabels, type ItemContent, type ProgramItem } from '../../engagements/schema';
import { checkItems, firmLibraryLabel, itemField, itemsSummary, programFields, type FieldProblems, type ItemDraft } from '../../programs/schema';
import type { z } from 'zod';

type Fields = z.output<typeof programFields>;
type References = [Awaited<ReturnType<typeof itemReferenceQueries>[0]>, Awaited<ReturnType<typeof itemReferenceQueries>[1]>];

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

function nameMatches(search: string | undefined): SQL | undefined {
	const words = (search ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
	if (!words.length) return undefined;
	return and(...words.map((word) => sql`lower(${programTemplates.name}) like ${`%${escapeLike(word)}%`} escape '\\'`));
}

const owner = { firstName: people.firstName, lastName: people.lastName };
type OwnerName = { firstName: string; lastName: string } | null;
const ownerLabel = (program: Pick<ProgramTemplate, 'ownerId'>, name: OwnerName) =>
	program.ownerId === null || !name ? firmLibraryLabel : fullName(name);

/** A template this person may see, with its owner's name. */
const programQuery = (scope: TenantScope, programId: string) =>
	scope.db
		.select({ program: programTemplates, owner })
		.from(programTemplates)
		.leftJoin(people, eq(people.id, programTemplates.ownerId))
		.where(and(eq(programTemplates.id, programId), visiblePrograms(scope)));

const missingProgram = () => notFound('That program template is not in your library. It may have been removed, or it is another coach’s own.');

function requireProgram<T>(rows: T[]): T {
	const [row] = rows;
	if (!row) throw missingProgram();
	return row;
}

// ---- Reads ---------------------------------------------------------------------------------

/** The library: templates matching the search, the archived ones apart. */
export async function list(scope: TenantScope, query: { search?: string; archived: boolean }) {
	const rows = await scope.db
		.select({ program: programTemplates, owner })
		.from(programTemplates)
		.leftJoin(people, eq(people.id, programTemplates.ownerId))
		.where(and(visiblePrograms(scope), query.archived ? isNotNull(programTemplates.archivedAt) : isNull(programTemplates.archivedAt), nameMatches(query.search)))
		.orderBy(asc(sql`lower(${programTemplates.name})`), asc(programTemplates.id));
	return {
		programs: rows.map(({ program, owner }) => ({
			id: program.id,
			name: program.name,
			description: program.description,
			items: program.items.length,
			summary: itemsSummary(program.items),
			owner: ownerLabel(program, owner),
			mine: program.ownerId === scope.personId,
			canEdit: mayEditProgram(scope, program),
			updatedAt: (program.updatedAt ?? program.createdAt).toISOString()
		}))
	};
}

/** What the builder offers: the library's assessments (not archived) and the files this person may send. */
function choiceQueries(scope: TenantScope) {
	return [
		scope.db
			.select({ id: assessmentTemplates.id, title: assessmentTemplates.title, kind: assessmentTemplates.kind })
			.from(assessmentTemplates)
			.where(isNull(assessmentTemplates.archivedAt))
			.orderBy(asc(sql`lower(${assessmentTemplates.title})`)),
		scope.db
			.select({ id: files.id, name: files.name, firstName: people.firstName, lastName: people.lastName })
			.from(files)
			.innerJoin(people, eq(people.id, files.coacheeId))
			.where(pickableFiles(scope))
			.orderBy(asc(people.firstName), asc(people.lastName), asc(sql`lower(${files.name})`))
	] as const;
}

type ChoiceRows = readonly [Awaited<ReturnType<typeof choiceQueries>[0]>, Awaited<ReturnType<typeof choiceQueries>[1]>];
const shapeChoices = ([assessments, pickable]: ChoiceRows) => ({
	assessments,
	files: pickable.map((file) => ({ id: file.id, name: file.name, coachee: fullName(file) }))
});
export type BuilderChoices = ReturnType<typeof shapeChoices>;

/** "New": what the builder offers, in one batch. */
export async function choices(scope: TenantScope) {
	return shapeChoices(await scope.db.batch(choiceQueries(scope)));
}

/** Items whose assessment or file the builder no longer offers, flagged before a save refuses them. */
function staleReferences(items: ProgramItem[], offered: BuilderChoices): FieldProblems {
	const problems: FieldProblems = {};
	items.forEach((item, index) => {
		if (item.kind === 'assessment' && !offered.assessments.some((a) => a.id === item.assessmentTemplateId)) {
			problems[itemField(index, 'assessmentTemplateId')] = ['That assessment is no longer in the library (it was deleted or archived). Pick another.'];
		}
		if (item.kind === 'file' && !offered.files.some((f) => f.id === item.fileId)) {
			problems[itemField(index, 'fileId')] = ['That file was deleted, or is not one you can send. Pick another.'];
		}
	});
	return problems;
}

/** One template with what its builder offers, in one batch. */
export async function get(scope: TenantScope, programId: string) {
	const [rows, ...choiceRows] = await scope.db.batch([programQuery(scope, programId), ...choiceQueries(scope)]);
	const { program, owner } = requireProgram(rows);
	const offered = shapeChoices(choiceRows);
	const canEdit = mayEditProgram(scope, program);
	return {
		program: {
			id: program.id,
			name: program.name,
			description: program.description,
			items: program.items,
			owner: ownerLabel(program, owner),
			mine: program.ownerId === scope.personId,
			archived: program.archivedAt !== null,
			canEdit
		},
		choices: offered,
		stale: canEdit ? staleReferences(program.items, offered) : {}
	};
}

// ---- Writes --------------------------------------------------------------------------------

/** An admin's templates go to the firm's library; a coach's are their own. */
const ownerFor = (scope: TenantScope) => (hasRole(scope, 'admin') ? null : scope.personId);

/** The assessments and files the drafts name, for `itemReferenceQueries`. */
const referencesNamed = (drafts: ItemDraft[]): ItemContent[] =>
	drafts.flatMap((draft): ItemContent[] => {
		if (draft.kind === 'assessment') return [{ kind: 'assessment', title: draft.title, assessmentTemplateId: draft.assessmentTemplateId }];
		if (draft.kind === 'file') return [{ kind: 'file', title: draft.title, fileId: draft.fileId }];
		return [];
	});

/** An assessment or file left untitled takes the name it has in the library. One that names
 * nothing usable keeps its kind as a stand-in: its refusal is about the reference, not the title. */
function withDefaultTitle(draft: ItemDraft, [templates, pickable]: References): ItemDraft {
	if (draft.title.trim() || draft.kind === 'session' || draft.kind === 'link') return draft;
	const named =
		draft.kind === 'assessment' ? templates.find((t) => t.id === draft.assessmentTemplateId)?.title : pickable.find((f) => f.id === draft.fileId)?.name;
	return { ...draft, title: named ?? itemKindLabels[draft.kind] };
}

/** The items to store, or a refusal under every item and field that needs work. */
function storedItems(drafts: ItemDraft[], references: References): ProgramItem[] {
	const { items, problems } = checkItems(drafts.map((draft) => withDefaultTitle(draft, references)));
	if (Object.keys(problems).length) throw new DomainError('invalid', 'Check the highlighted items. Nothing was saved.', problems);
	resolveWith(items, references);
	return items;
}

const saved = (fields: Fields, items: ProgramItem[]) => ({ name: fields.name, description: fields.description, items });

export async function create(scope: TenantScope, fields: Fields) {
	const [templates, pickable] = await scope.db.batch(itemReferenceQueries(scope, referencesNamed(fields.items)));
	const values = saved(fields, storedItems(fields.items, [templates, pickable]));
	const id = crypto.randomUUID();
	const at = scope.platform.clock.now();
	await scope.db.insert(programTemplates).values({ id, ...values, ownerId: ownerFor(scope), createdBy: scope.personId, createdAt: at, updatedAt: at });
	return { id, name: values.name };
}

function requireEditable(scope: TenantScope, program: ProgramTemplate) {
	if (mayEditProgram(scope, program)) return;
	throw forbidden(
		program.ownerId === null
			? `“${program.name}” is in the firm library: only an admin can change it. Duplicate it to make a version of your own.`
			: `“${program.name}” is another coach’s own template: only they, or an admin, can change it.`
	);
}

export async function update(scope: TenantScope, programId: string, fields: Fields) {
	const [rows, templates, pickable] = await scope.db.batch([programQuery(scope, programId), ...itemReferenceQueries(scope, referencesNamed(fields.items))]);
	const { program } = requireProgram(rows);
	requireEditable(scope, program);
	const values = saved(fields, storedItems(fields.items, [templates, pickable]));
	await scope.db
		.update(programTemplates)
		.set({ ...values, updatedAt: scope.platform.clock.now() })
		.where(eq(programTemplates.id, program.id));
	return { id: program.id, name: values.name };
}

/** "Duplicate": a copy in the person's own place (the firm's library for an admin, their own
 * for a coach), not archived, to change freely. */
export async function duplicate(scope: TenantScope, programId: string) {
	const { program } = requireProgram(await programQuery(scope, programId));
	const id = crypto.randomUUID();
	const at = scope.platform.clock.now();
	const name = `${program.name} (copy)`.slice(0, 200);
	await scope.db.insert(programTemplates).values({
		id,
		name,
		description: program.description,
		items: program.items,
		ownerId: ownerFor(scope),
		createdBy: scope.personId,
		createdAt: at,
		updatedAt: at
	});
	return { id, name };
}

/** Archived templates leave the library's list and are not offered for new engagements; engagements made from them keep their items. */
export async function setArchived(scope: TenantScope, programId: string, archived: boolean) {
	const { program } = requireProgram(await programQuery(scope, programId));
	requireEditable(scope, program);
	const at = scope.platform.clock.now();
	await scope.db
		.update(programTemplates)
		.set({ archivedAt: archived ? at : null, updatedAt: at })
		.where(eq(programTemplates.id, program.id));
	return { name: program.name };
}
