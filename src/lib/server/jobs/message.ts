import { z } from 'zod';

/** The shape every queue message must have before any handler sees it. */
export const jobMessageSchema = z.looseObject({
	type: z.string().min(1),
	idempotencyKey: z.string().min(1),
	tenantId: z.string().optional()
});
