/** Settings > Workspace: what an admin may change about their workspace, for the server and the page. */
import { z } from 'zod';
import { emailSchema } from '../auth/schema';
import { singleLine } from '../validation';

export const tenantKinds = ['solo', 'firm', 'enterprise'] as const;
export type TenantKind = (typeof tenantKinds)[number];

export const tenantKindLabels: Record<TenantKind, string> = {
	solo: 'Independent coach',
	firm: 'Coaching firm',
	enterprise: 'Enterprise'
};

/** The same bounds as the organisation name chosen at sign-up. */
export const workspaceNameSchema = singleLine(
	z.string().trim().min(2, 'Enter the workspace name (at least 2 characters).').max(80, 'Use at most 80 characters.')
);

/** Empty means "no reply-to": replies then go to Tandem's sending address. */
const replyToSchema = z
	.string()
	.trim()
	.transform((value) => value || null)
	.pipe(emailSchema.nullable());

export const workspaceSettingsInput = z.object({ name: workspaceNameSchema, replyTo: replyToSchema });
export type WorkspaceSettingsInput = z.output<typeof workspaceSettingsInput>;
