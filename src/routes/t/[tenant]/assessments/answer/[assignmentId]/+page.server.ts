import { answerActions, loadAnswerPage } from '$lib/assessments/library-pages.server';
import type { PageServerLoad } from './$types';

/** The coachee answering one of their assessments (their submitted answers once it is done). */
export const load: PageServerLoad = loadAnswerPage;
export const actions = answerActions;
