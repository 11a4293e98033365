/** The builder without scripts: what the form posts comes back as the same template, rearranged. */
import { describe, expect, it } from 'vitest';
import { arrange, draftFromForm, templateInput } from './builder';

const posted = {
	title: 'Team pulse',
	description: '',
	kind: 'assessment',
	qid: ['a', 'b', 'c'],
	qkind: ['scale', 'single_choice', 'long_text'],
	prompt: ['How is the team?', 'Biggest blocker?', 'Anything else?'],
	options: ['', 'Meetings\nPriorities\n', ''],
	required: ['a', 'c']
};

describe('the template builder form', () => {
	it('reads each question in order, with Required by question id and options one per line', () => {
		const draft = draftFromForm(posted);
		expect(draft.questions.map((q) => [q.id, q.kind, q.required])).toEqual([
			['a', 'scale', true],
			['b', 'single_choice', false],
			['c', 'long_text', true]
		]);
		expect(templateInput(draft).questions.map((q) => q.options)).toEqual([[], ['Meetings', 'Priorities', ''], []]);
	});

	it('adds, moves and removes questions keeping everything typed', () => {
		const draft = draftFromForm(posted);
		const moved = arrange(draft, 'up:b');
		expect(moved.questions.map((q) => q.id)).toEqual(['b', 'a', 'c']);
		expect(moved.questions[0]).toEqual(draft.questions[1]);
		expect(arrange(moved, 'up:b')).toEqual(moved);
		expect(arrange(draft, 'remove:a').questions.map((q) => q.prompt)).toEqual(['Biggest blocker?', 'Anything else?']);
		const added = arrange(draft, 'add');
		expect(added.questions).toHaveLength(4);
		expect(added.questions[3]).toMatchObject({ prompt: '', kind: 'scale', required: true });
		expect(new Set(added.questions.map((q) => q.id)).size).toBe(4);
		expect(added.title).toBe('Team pulse');
	});
});
