import { authRouter } from '../auth/router';
import { coacheesRouter } from '../coachees/router';
import { notificationsRouter } from '../notifications/router';
import { invitationsRouter } from '../invitations/router';
import { membersRouter } from '../members/router';
import { tenancyRouter } from '../tenancy/router';
import { homeRouter } from '../home/router';
import { actionsRouter, goalsRouter } from '../goals/router';
import { notesRouter } from '../notes/router';
import { sessionsRouter } from '../sessions/router';
import { notepadRouter } from '../notepad/router';
import { filesRouter } from '../files/router';
import { assessmentsRouter } from '../assessments/router';
import { programsRouter } from '../programs/router';
import { engagementItemsRouter } from '../engagements/items-router';
import { calendarRouter } from '../engagements/calendar-router';
import { engagementsRouter } from '../engagements/router';
import { exportsRouter } from '../exports/router';
import { importsRouter } from '../imports/router';
import { createCallerFactory, router } from './init';

export const appRouter = router({
	auth: authRouter,
	tenancy: tenancyRouter,
	members: membersRouter,
	invitations: invitationsRouter,
	coachees: coacheesRouter,
	notifications: notificationsRouter,
	home: homeRouter,
	goals: goalsRouter,
	actions: actionsRouter,
	notes: notesRouter,
	sessions: sessionsRouter,
	notepad: notepadRouter,
	files: filesRouter,
	assessments: assessmentsRouter,
	programs: programsRouter,
	engagementItems: engagementItemsRouter,
	calendar: calendarRouter,
	engagements: engagementsRouter,
	exports: exportsRouter,
	imports: importsRouter
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
