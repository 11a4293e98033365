import { invalidateAll } from '$app/navigation';
import { tick } from 'svelte';
import { api, problemOf } from '$lib/client/trpc';
import { toast } from '$lib/components';

/** "Send Invitation" / "Resend Invitation": sends a new link (the older one stops working). */
export async function sendInvitation(tenant: string, coachee: { id: string; email: string }): Promise<boolean> {
	try {
		const { resent } = await api.coachees.invite.mutate({ tenant, coacheeId: coachee.id });
		toast.success(resent ? `Invitation resent to ${coachee.email}. The earlier link no longer works.` : `Invitation sent to ${coachee.email}.`);
		await invalidateAll();
		return true;
	} catch (error) {
		toast.error(problemOf(error).message);
		return false;
	}
}

/** After a refused submit: put the cursor in the first field the server flagged. */
export async function focusFirstInvalid(form: HTMLFormElement) {
	await tick();
	form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
