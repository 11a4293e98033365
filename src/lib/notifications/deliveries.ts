/** How a kind of notification reaches someone by email: the choices in "Email alerts", and
 * the words that confirm a choice. */
import type { Delivery } from './types';

export const deliveryOptions: { value: Delivery; label: string; said: string }[] = [
	{ value: 'immediate', label: 'At once', said: 'by email at once' },
	{ value: 'digest', label: 'Daily digest (08:00 UTC)', said: 'in the daily digest at 08:00 UTC' },
	{ value: 'off', label: 'Off', said: 'in Tandem only, not by email' }
];
