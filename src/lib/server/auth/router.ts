import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { openControlDb } from '../db';
import { users } from '../db/control/schema';
import type { Context } from '../trpc/context';
import { router } from '../trpc/init';
import { authedProcedure, publicProcedure } from '../trpc/procedures';
import { deleteSession } from './sessions';
import * as auth from './service';
import { singleLine } from '../../validation';
import { emailSchema, passwordSchema, personNameSchema, tokenSchema } from '../../auth/schema';

const accountInput = z.object({
	firstName: personNameSchema('first name'),
	lastName: personNameSchema('last name'),
	email: emailSchema,
	password: passwordSchema
});

/** Only same-site paths may be redirected to after a link sign-in. */
const localPath = z
	.string()
	.regex(/^\/(?!\/)[\w\-./?=&%]*$/, 'Not a path in Tandem.')
	.optional();

async function signUpAndSignIn(ctx: Context, input: Parameters<typeof auth.signUp>[1]) {
	await auth.limitSignUps(ctx.platform, ctx.clientAddress);
	const { tenant, session } = await auth.signUp(ctx.platform, input);
	ctx.session.set(session.token, session.expiresAt);
	return { redirectTo: `/t/${tenant.slug}` };
}

export const authRouter = router({
	me: publicProcedure.query(({ ctx }) => ctx.user),

	signUpCoach: publicProcedure.input(accountInput).mutation(({ ctx, input }) => signUpAndSignIn(ctx, input)),

	signUpOrganisation: publicProcedure
		.input(
			accountInput.extend({
				organisationName: singleLine(z.string().trim().min(2, 'Enter the organisation name.').max(80, 'Use at most 80 characters.')),
				kind: z.enum(['firm', 'enterprise'], { error: 'Choose coaching firm or enterprise.' })
			})
		)
		.mutation(({ ctx, input }) =>
			signUpAndSignIn(ctx, { ...input, organisation: { name: input.organisationName, kind: input.kind } })
		),

	signIn: publicProcedure
		.input(z.object({ email: emailSchema, password: z.string().min(1, 'Enter your password.').max(200) }))
		.mutation(async ({ ctx, input }) => {
			const { user, session } = await auth.signIn(ctx.platform, { ...input, clientAddress: ctx.clientAddress });
			ctx.session.set(session.token, session.expiresAt);
			return { redirectTo: await auth.landingPath(ctx.platform, user.id) };
		}),

	signOut: publicProcedure.mutation(async ({ ctx }) => {
		if (ctx.user) await deleteSession(openControlDb(ctx.platform), ctx.user.sessionId);
		ctx.session.clear();
		return { redirectTo: '/signin' };
	}),

	requestPasswordReset: publicProcedure.input(z.object({ email: emailSchema })).mutation(async ({ ctx, input }) => {
		await auth.requestPasswordReset(ctx.platform, input.email);
		return { sent: true };
	}),

	resetPassword: publicProcedure
		.input(z.object({ token: tokenSchema, password: passwordSchema }))
		.mutation(async ({ ctx, input }) => {
			const session = await auth.resetPassword(ctx.platform, input);
			ctx.session.set(session.token, session.expiresAt);
			return { redirectTo: '/' };
		}),

	requestSignInLink: publicProcedure
		.input(z.object({ email: emailSchema, redirectTo: localPath }))
		.mutation(async ({ ctx, input }) => {
			await auth.requestSignInLink(ctx.platform, input);
			return { sent: true };
		}),

	redeemSignInLink: publicProcedure.input(z.object({ token: tokenSchema })).mutation(async ({ ctx, input }) => {
		const { session, redirectTo } = await auth.redeemSignInLink(ctx.platform, input.token);
		ctx.session.set(session.token, session.expiresAt);
		return { redirectTo: redirectTo ?? '/' };
	}),

	verifyEmail: publicProcedure.input(z.object({ token: tokenSchema })).mutation(async ({ ctx, input }) => {
		await auth.verifyEmail(ctx.platform, input.token);
		return { verified: true };
	}),

	resendVerification: authedProcedure.mutation(async ({ ctx }) => {
		if (!ctx.user.emailVerified) await auth.sendVerificationEmail(ctx.platform, ctx.user);
		return { sent: !ctx.user.emailVerified };
	}),

	updateProfile: authedProcedure
		.input(z.object({ name: singleLine(z.string().trim().min(1, 'Enter your name.').max(200, 'Use at most 200 characters.')) }))
		.mutation(async ({ ctx, input }) => {
			await openControlDb(ctx.platform).update(users).set({ name: input.name }).where(eq(users.id, ctx.user.id));
			return { name: input.name };
		}),

	changePassword: authedProcedure
		.input(z.object({ currentPassword: z.string().min(1, 'Enter your current password.').max(200), newPassword: passwordSchema }))
		.mutation(async ({ ctx, input }) => {
			await auth.changePassword(ctx.platform, { ...input, userId: ctx.user.id, keepSessionId: ctx.user.sessionId });
			return { changed: true };
		})
});
