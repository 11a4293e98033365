// The account fields shared by sign-up, sign-in, invitations, password reset and account
// settings. Import from '$lib/auth'.
export { default as AccountFields } from './AccountFields.svelte';
export { default as EmailField } from './EmailField.svelte';
export { default as PasswordField } from './PasswordField.svelte';
