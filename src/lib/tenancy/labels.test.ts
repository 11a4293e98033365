import { describe, expect, it } from 'vitest';
import { workspaceDetail } from './labels';

describe('workspaceDetail: telling listed workspaces apart', () => {
	const listed = [
		{ name: 'Northwind', slug: 'northwind' },
		{ name: 'Acme Coaching', slug: 'acme-coaching' },
		{ name: 'acme coaching ', slug: 'acme-coaching-2' }
	];

	it('gives a uniquely named workspace only the roles held there', () => {
		expect(workspaceDetail({ ...listed[0]!, roleLabel: 'Coach' }, listed)).toBe('Coach');
	});

	it('adds the address to workspaces that share a name (whatever the case or spacing)', () => {
		expect(workspaceDetail({ ...listed[1]!, roleLabel: 'Coach' }, listed)).toBe('Coach · /t/acme-coaching');
		expect(workspaceDetail({ ...listed[2]!, roleLabel: 'Admin · Coach' }, listed)).toBe('Admin · Coach · /t/acme-coaching-2');
	});

	it('still tells twins apart without roles', () => {
		expect(workspaceDetail(listed[1]!, listed)).toBe('/t/acme-coaching');
	});
});
