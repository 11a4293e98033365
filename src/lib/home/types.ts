import type { RouterOutputs } from '$lib/client/trpc';

export type HomeOverview = RouterOutputs['home']['overview'];
export type StaffOverview = Extract<HomeOverview, { portal: 'staff' }>;
