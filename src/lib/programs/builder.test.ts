/** The program builder without scripts: what the form posts comes back as the same program, rearranged. */
import { describe, expect, it } from 'vitest';
import { arrange, draftFromForm, draftOf, programInput } from './builder';

const posted = {
	name: 'Foundations',
	description: 'Twelve weeks',
	iid: ['s', 'a', 'l'],
	'item.s.kind': 'session',
	'item.s.title': 'Kickoff',
	'item.s.duration': 'custom',
	'item.s.customMinutes': '45',
	'item.s.format': 'in_person',
	'item.s.message': 'Bring your goals',
	'item.s.coacheeSchedules': 'on',
	'item.a.kind': 'assessment',
	'item.a.title': '',
	'item.a.assessmentTemplateId': 'tpl',
	'item.l.kind': 'link',
	'item.l.title': 'Reading',
	'item.l.url': 'https://example.com'
};

describe('the program builder form', () => {
	it('reads each item in order with its own fields, and gives the procedure minutes from the duration chosen', () => {
		const draft = draftFromForm(posted);
		expect(draft.items.map((item) => [item.id, item.kind, item.title])).toEqual([
			['s', 'session', 'Kickoff'],
			['a', 'assessment', ''],
			['l', 'link', 'Reading']
		]);
		const [sessionItem, assessmentItem, linkItem] = programInput(draft).items;
		expect(sessionItem).toMatchObject({ durationMinutes: '45', format: 'in_person', message: 'Bring your goals', coacheeSchedules: true });
		expect(assessmentItem).toMatchObject({ kind: 'assessment', assessmentTemplateId: 'tpl' });
		expect(linkItem).toMatchObject({ url: 'https://example.com' });
		const preset = draftFromForm({ ...posted, 'item.s.duration': '30', 'item.s.coacheeSchedules': undefined });
		expect(programInput(preset).items[0]).toMatchObject({ durationMinutes: 30, coacheeSchedules: false });
	});

	it('adds an item of the kind asked for, moves and removes items, keeping everything typed', () => {
		const draft = draftFromForm(posted);
		const moved = arrange(draft, 'down:s');
		expect(moved.items.map((item) => item.id)).toEqual(['a', 's', 'l']);
		expect(moved.items[1]).toEqual(draft.items[0]);
		expect(arrange(draft, 'up:s')).toEqual(draft);
		expect(arrange(draft, 'remove:a').items.map((item) => item.id)).toEqual(['s', 'l']);
		const added = arrange(draft, 'add:file');
		expect(added.items.at(-1)).toMatchObject({ kind: 'file', title: '', fileId: '' });
		expect(new Set(added.items.map((item) => item.id)).size).toBe(4);
		expect(added.name).toBe('Foundations');
	});

	it('opens a stored session of 60 minutes on the preset, and one of 45 on Custom', () => {
		const draft = draftOf({
			name: 'P',
			description: '',
			items: [
				{ id: 'a', kind: 'session', title: 'One hour', durationMinutes: 60, format: 'online', message: '', coacheeSchedules: false },
				{ id: 'b', kind: 'session', title: 'Custom', durationMinutes: 45, format: 'online', message: '', coacheeSchedules: true }
			]
		});
		expect(draft.items.map((item) => [item.duration, item.customMinutes, item.coacheeSchedules])).toEqual([
			['60', '', false],
			['custom', '45', true]
		]);
	});
});
