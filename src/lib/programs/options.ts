/** A template's Options, the same in the library's rows and on the template's own page. */
import type { MenuItem } from '$lib/components';
import { programPaths } from '$lib/engagements/paths';

interface ProgramRef {
	id: string;
	canEdit: boolean;
	archived: boolean;
}

/** Duplicate for everyone who sees it; Archive or Restore for whoever may change it. `actions`
 * is the page whose form actions answer (`?/duplicate`, `?/archive`). */
export function programOptions(program: ProgramRef, actions: string): MenuItem[] {
	const fields = { programId: program.id };
	const duplicate: MenuItem = {
		label: 'Duplicate',
		icon: 'layers',
		description: program.canEdit ? undefined : 'A copy of your own to change.',
		action: `${actions}?/duplicate`,
		fields
	};
	if (!program.canEdit) return [duplicate];
	if (program.archived) return [duplicate, { label: 'Restore', icon: 'repeat', action: `${actions}?/archive`, fields: { ...fields, archived: 'false' } }];
	return [
		duplicate,
		{
			label: 'Archive',
			icon: 'inbox',
			description: 'Not offered for new engagements; the ones made from it keep their items.',
			action: `${actions}?/archive`,
			fields: { ...fields, archived: 'true' }
		}
	];
}

/** The library row's menu: open it first. */
export function libraryRowOptions(program: ProgramRef, base: string, actions: string): MenuItem[] {
	const open: MenuItem = { label: program.canEdit ? 'Edit' : 'View', icon: program.canEdit ? 'pencil' : 'eye', href: `${base}${programPaths.program(program.id)}` };
	return [open, ...programOptions(program, actions)];
}
