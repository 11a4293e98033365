/** Every email Tandem sends: plain text and HTML from the same words, one layout. */
import { toSingleLine } from '../../validation';
import type { OutgoingEmail } from '../platform/ports';
import { acceptInvitationLabels } from '../../invitations/labels';

export interface EmailContent {
	subject: string;
	/** Paragraphs of plain text. */
	paragraphs: string[];
	action: { label: string; url: string };
	/** Small print under the button, e.g. when the link expires. */
	footnote?: string;
}

const escapeHtml = (value: string) =>
	value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderEmail(to: string, content: EmailContent): OutgoingEmail {
	const text = [...content.paragraphs, `${content.action.label}: ${content.action.url}`, content.footnote ?? '']
		.filter(Boolean)
		.join('\n\n');
	const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2933;max-width:560px;margin:0 auto;padding:24px">
<p style="font-weight:600;color:#2f5d8a">Tandem</p>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#2f5d8a;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>
<p style="font-size:13px;color:#52606d">If the button does not work, paste this address into your browser:<br>${escapeHtml(content.action.url)}</p>
${content.footnote ? `<p style="font-size:13px;color:#52606d">${escapeHtml(content.footnote)}</p>` : ''}
</body></html>`;
	// Subjects carry names people typed; a line break there could forge mail headers.
	return { to, subject: toSingleLine(content.subject), text, html };
}

export const emails = {
	verifyEmail: (name: string, url: string): EmailContent => ({
		subject: 'Confirm your email address for Tandem',
		paragraphs: [`Hi ${name},`, 'Confirm this is your email address to finish setting up your Tandem account.'],
		action: { label: 'Confirm email address', url },
		footnote: 'This link works once and expires in 24 hours.'
	}),
	resetPassword: (name: string, url: string): EmailContent => ({
		subject: 'Reset your Tandem password',
		paragraphs: [`Hi ${name},`, 'Someone asked to reset the password of your Tandem account. If it was you, choose a new one.'],
		action: { label: 'Choose a new password', url },
		footnote: 'This link works once and expires in 1 hour. If you did not ask for it, ignore this email.'
	}),
	signInLink: (name: string, url: string): EmailContent => ({
		subject: 'Your Tandem sign-in link',
		paragraphs: [`Hi ${name},`, 'Use this link to sign in to Tandem without a password.'],
		action: { label: 'Sign in to Tandem', url },
		footnote: 'This link works once and expires in 15 minutes. If you did not ask for it, ignore this email.'
	}),
	coacheeInvitation: (coachName: string, tenantName: string, url: string): EmailContent => ({
		subject: `${coachName} invited you to your coaching portal`,
		paragraphs: [
			`${coachName} from ${tenantName} invited you to your coaching portal on Tandem.`,
			'Activate your account to reach your coach and everything you work on together, in one place.'
		],
		action: { label: acceptInvitationLabels.coachee, url },
		footnote: 'This invitation expires in 7 days. If it has expired, ask your coach to send a new one.'
	}),
	memberInvitation: (inviter: string, tenantName: string, roleLabel: string, url: string): EmailContent => ({
		subject: `${inviter} invited you to ${tenantName} on Tandem`,
		paragraphs: [`${inviter} invited you to join ${tenantName} on Tandem as ${roleLabel}.`, 'Accept the invitation to set up your account.'],
		action: { label: acceptInvitationLabels.member, url },
		footnote: 'This invitation expires in 7 days.'
	})
};

/** Settings > Members: a person is told when their access to a workspace is turned off or on. */
export const accessEmails = {
	accessTurnedOff: (name: string, tenantName: string, admin: { name: string; email: string }): EmailContent => ({
		subject: `Your access to ${tenantName} on Tandem was turned off`,
		paragraphs: [
			`Hi ${name},`,
			`${admin.name} turned off your access to ${tenantName} on Tandem. You can no longer sign in to it; your work there is kept.`,
			`If you think this is a mistake, ask ${admin.name} (${admin.email}) or another admin of ${tenantName}.`
		],
		action: { label: `Write to ${admin.name}`, url: `mailto:${admin.email}` }
	}),
	accessRestored: (name: string, tenantName: string, url: string): EmailContent => ({
		subject: `You can sign in to ${tenantName} on Tandem again`,
		paragraphs: [`Hi ${name},`, `Your access to ${tenantName} on Tandem is back. Sign in with your usual password or an emailed sign-in link.`],
		action: { label: `Sign in to ${tenantName}`, url }
	})
};
