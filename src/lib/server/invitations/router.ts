import { z } from 'zod';
import { personNameSchema, passwordSchema, tokenSchema } from '../../auth/schema';
import { router } from '../trpc/init';
import { publicProcedure } from '../trpc/procedures';
import { acceptInvitation, previewInvitation } from './service';

/** Public on purpose: the invitee has no account yet. The link's secret is the credential,
 * and the tenant is named by the link itself, never trusted beyond finding the invitation. */
const linkInput = z.object({ tenant: z.string().trim().min(1).max(64), token: tokenSchema });

export const invitationsRouter = router({
	preview: publicProcedure.input(linkInput).query(({ ctx, input }) => previewInvitation(ctx.platform, ctx.tenantBySlug, input, ctx.user)),

	accept: publicProcedure
		.input(
			linkInput.extend({
				firstName: personNameSchema('first name'),
				lastName: personNameSchema('last name'),
				password: passwordSchema.optional()
			})
		)
		.mutation(async ({ ctx, input }) => {
			const result = await acceptInvitation(ctx.platform, ctx.tenantBySlug, input, ctx.user);
			if (result.session) ctx.session.set(result.session.token, result.session.expiresAt);
			return { redirectTo: result.redirectTo };
		})
});
