/**
 * "+ New" is a wizard whose choices ride in the address, so every step is a plain GET form
 * that works without scripts, "Back" is a link that keeps what was chosen, and a reload shows
 * the same step: `c` (each coachee picked), `group` (admins), `coach` (admins), `program` or
 * `skip` (build from scratch), `q` (the coachee search) and `step`.
 */
export const wizardSteps = ['coachees', 'coach', 'program', 'details'] as const;
export type WizardStep = (typeof wizardSteps)[number];

export const stepTitles: Record<WizardStep, string> = {
	coachees: 'Select Coachee(s)',
	coach: 'Select the coach',
	program: 'Select a Program Template',
	details: 'Name and dates'
};

export interface WizardState {
	coachees: string[];
	group: string;
	coach: string;
	program: string;
	skip: boolean;
	q: string;
}

/** Admins choose the coach; a coach is the coach of what they make. */
export const stepsFor = (isAdmin: boolean): WizardStep[] => wizardSteps.filter((step) => isAdmin || step !== 'coach');

const id = (value: string | null) => (value ?? '').trim().slice(0, 64);

export function readWizard(params: URLSearchParams, isAdmin: boolean): WizardState & { step: WizardStep } {
	const steps = stepsFor(isAdmin);
	const step = steps.find((s) => s === params.get('step')) ?? 'coachees';
	return {
		coachees: [...new Set(params.getAll('c').map(id).filter(Boolean))].slice(0, 500),
		group: isAdmin ? id(params.get('group')) : '',
		coach: isAdmin ? id(params.get('coach')) : '',
		// "Skip" wins over a template ticked before it was pressed.
		program: params.get('skip') === '1' ? '' : id(params.get('program')),
		skip: params.get('skip') === '1',
		q: (params.get('q') ?? '').slice(0, 200),
		step
	};
}

/** Whether a step has its choice, and what to say when "Next" was pressed without it. */
function missing(step: WizardStep, state: WizardState, isAdmin: boolean): string | null {
	if (step === 'coachees' && !state.coachees.length && !state.group) return `Pick at least one coachee${isAdmin ? ' (or a coachee group)' : ''}, then choose “Next”.`;
	if (step === 'coach' && !state.coach) return 'Pick the coach of these engagements, then choose “Next”.';
	if (step === 'program' && !state.program && !state.skip) return 'Pick a program template, or choose “Skip” to build from scratch.';
	return null;
}

/** The step to show: the one asked for, unless an earlier one still lacks its choice. */
export function settleStep(requested: WizardStep, state: WizardState, isAdmin: boolean): { step: WizardStep; problem: string | null } {
	const steps = stepsFor(isAdmin);
	for (const step of steps.slice(0, steps.indexOf(requested))) {
		const problem = missing(step, state, isAdmin);
		if (problem) return { step, problem };
	}
	return { step: requested, problem: null };
}

/** The address of `step` with the choices made so far. */
export function wizardHref(base: string, state: WizardState, step: WizardStep): string {
	const params = new URLSearchParams();
	params.set('step', step);
	for (const coachee of state.coachees) params.append('c', coachee);
	if (state.group) params.set('group', state.group);
	if (state.coach) params.set('coach', state.coach);
	if (state.program) params.set('program', state.program);
	if (state.skip) params.set('skip', '1');
	if (state.q && step === 'coachees') params.set('q', state.q);
	return `${base}?${params}`;
}
