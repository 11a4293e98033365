import type { Snippet } from 'svelte';
import type { HTMLAnchorAttributes, HTMLButtonAttributes } from 'svelte/elements';
import type { IconName } from './icons.js';

export type { IconName };

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'sm' | 'md' | 'lg';

interface ButtonCommon {
	/** Visual weight. `primary` for the one main action of a view ("New", "Submit"). */
	variant?: ButtonVariant;
	size?: ButtonSize;
	/** Leading icon. */
	icon?: IconName;
	/** Trailing icon (e.g. `chevron-down` for a menu trigger). */
	iconRight?: IconName;
	/** Square icon-only button; give it an `aria-label`. */
	iconOnly?: boolean;
	/** Shows a spinner, sets aria-busy and disables the button (keeps its label). */
	loading?: boolean;
	/** Stretch to the container's width. */
	fullWidth?: boolean;
	children?: Snippet;
	ref?: HTMLElement | null;
}

export type ButtonElementProps = ButtonCommon &
	Omit<HTMLButtonAttributes, 'children'> & { href?: undefined };
export type AnchorElementProps = ButtonCommon &
	Omit<HTMLAnchorAttributes, 'children'> & { href: string };
export type ButtonProps = ButtonElementProps | AnchorElementProps;
export type LinkButtonProps = Omit<AnchorElementProps, 'loading'>;

export type Tone = 'green' | 'amber' | 'grey' | 'blue' | 'purple' | 'red';

export interface MenuItem {
	label: string;
	/** Script only: called when chosen (click, Enter or Space). Before hydration an item with
	 * nothing but this is left out, so prefer `href` or `action`. */
	onSelect?: () => void;
	/** Renders the item as a link. */
	href?: string;
	/** With `href` to a form route ("Edit", "Assign coach"): with scripts the form opens as a
	 * dialog over this page (routed-dialog.svelte.ts); without, the link opens it as a page. */
	dialog?: boolean;
	/** Posts this form action (e.g. `/t/acme/coachees/ID?/invite`) with `fields` as hidden
	 * inputs: a small form before hydration, `submitAction` after, with the outcome toasted. */
	action?: string;
	fields?: Record<string, string>;
	/** Ask once before posting `action` (destructive ones). */
	confirm?: MenuConfirm;
	disabled?: boolean;
	/** Destructive action: shown in red. */
	danger?: boolean;
	icon?: IconName;
	/** Draw a separator line above this item. */
	separatorBefore?: boolean;
	/** Second line of smaller text under the label. */
	description?: string;
	/** Marks the current choice (check mark, aria-current) e.g. the tenant you are in. */
	current?: boolean;
}

/** The question a destructive menu item asks once: what goes, and the confirm button's label. */
export interface MenuConfirm {
	title: string;
	description: string;
	label: string;
}

export type TabItem =
	| {
			/** Routed tab: a link, marked aria-current="page" when active. */
			label: string;
			href: string;
			active?: boolean;
			count?: number;
			value?: undefined;
	  }
	| {
			/** In-page tab controlling a panel. */
			label: string;
			value: string;
			count?: number;
			disabled?: boolean;
			href?: undefined;
			active?: undefined;
	  };

export type SortDir = 'asc' | 'desc';
export interface SortState {
	key: string;
	dir: SortDir;
}

export interface Column<T = Record<string, unknown>> {
	/** Property of the row (or any id when you render the cell yourself). */
	key: string;
	label: string;
	sortable?: boolean;
	align?: 'start' | 'end' | 'center';
	/** CSS width, e.g. '40%' or '8rem'. */
	width?: string;
	/** Hide this column below 768px (keep the table readable on phones). */
	hideOnMobile?: boolean;
	/** Visually hide the header text (still read by screen readers), e.g. for an Options column. */
	labelHidden?: boolean;
	/** Value used for client-side sorting and the default cell text. */
	value?: (row: T) => string | number | Date | null | undefined;
}

export interface SelectOption {
	value: string;
	label: string;
	disabled?: boolean;
	/** Options with the same group, next to each other, go under one <optgroup> of that label. */
	group?: string;
}

export interface Tenant {
	name: string;
	slug: string;
}

export interface TenantChoice extends Tenant {
	/** e.g. "Coach", "Admin · Coach" */
	roleLabel?: string;
}

export interface NavItem {
	label: string;
	href: string;
	icon?: IconName;
	/** Small count shown next to the label (e.g. unread). */
	count?: number;
}

export interface ShellUser {
	name: string;
	email: string;
}

/** Attributes <Field> hands to a custom `control` snippet: spread them on the control. */
export interface FieldControlAttrs {
	id: string;
	name?: string;
	required?: boolean;
	'aria-describedby'?: string;
	'aria-invalid'?: 'true';
	/** The field's label: a `<label for>` names only form controls, so a group of radios or
	 * checkboxes (role radiogroup or group) takes its name from here. */
	'aria-labelledby'?: string;
}
