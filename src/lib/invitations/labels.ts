/** The invitation email's button and the invitation page's submit button say the same words,
 * so the person clicks what the email told them to. */
export const acceptInvitationLabels = { coachee: 'Activate your account', member: 'Accept invitation' } as const;

export const acceptInvitationLabel = (roles: readonly string[]) =>
	roles.includes('coachee') ? acceptInvitationLabels.coachee : acceptInvitationLabels.member;
