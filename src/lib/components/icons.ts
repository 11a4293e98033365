/**
 * A small, fixed icon set (24x24 grid, 2px stroke, round caps), drawn after the ISC-licensed
 * Lucide shapes. Every icon is a list of SVG path strings so <Icon> renders plain <path>s:
 * no icon-font or extra dependency, and nothing to load at runtime.
 */

const line = (x1: number, y1: number, x2: number, y2: number) => `M${x1} ${y1}L${x2} ${y2}`;
const circle = (cx: number, cy: number, r: number) =>
	`M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
const rect = (x: number, y: number, w: number, h: number, r = 0) =>
	r === 0
		? `M${x} ${y}h${w}v${h}h${-w}z`
		: `M${x + r} ${y}h${w - 2 * r}a${r} ${r} 0 0 1 ${r} ${r}v${h - 2 * r}a${r} ${r} 0 0 1 ${-r} ${r}h${-(w - 2 * r)}a${r} ${r} 0 0 1 ${-r} ${-r}v${-(h - 2 * r)}a${r} ${r} 0 0 1 ${r} ${-r}z`;
const poly = (...pts: number[]) =>
	pts.reduce((d, n, i) => d + (i % 2 === 0 ? `${i === 0 ? 'M' : 'L'}${n}` : ` ${n}`), '');
const dot = (x: number, y: number) => `M${x} ${y}h.01`;

export const icons = {
	menu: [line(4, 6, 20, 6), line(4, 12, 20, 12), line(4, 18, 20, 18)],
	x: ['M18 6 6 18', 'm6 6 12 12'],
	bell: ['M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9', 'M10.3 21a1.94 1.94 0 0 0 3.4 0'],
	'chevron-down': ['m6 9 6 6 6-6'],
	'chevron-up': ['m18 15-6-6-6 6'],
	'chevron-left': ['m15 18-6-6 6-6'],
	'chevron-right': ['m9 18 6-6-6-6'],
	'chevrons-up-down': ['m7 15 5 5 5-5', 'm7 9 5-5 5 5'],
	'more-vertical': [circle(12, 5, 1), circle(12, 12, 1), circle(12, 19, 1)],
	'more-horizontal': [circle(5, 12, 1), circle(12, 12, 1), circle(19, 12, 1)],
	lock: [rect(3, 11, 18, 11, 2), 'M7 11V7a5 5 0 0 1 10 0v4'],
	check: ['M20 6 9 17l-5-5'],
	users: [
		'M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2',
		circle(9, 7, 4),
		'M22 21v-2a4 4 0 0 0-3-3.87',
		'M16 3.13a4 4 0 0 1 0 7.75'
	],
	user: ['M19 21v-2a4 4 0 0 0-4-4H9a4 4 0 0 0-4 4v2', circle(12, 7, 4)],
	'user-plus': [
		'M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2',
		circle(9, 7, 4),
		line(19, 8, 19, 14),
		line(22, 11, 16, 11)
	],
	briefcase: ['M16 20V4a2 2 0 0 0-2-2h-4a2 2 0 0 0-2 2v16', rect(2, 6, 20, 14, 2)],
	settings: [
		line(21, 4, 14, 4),
		line(10, 4, 3, 4),
		line(21, 12, 12, 12),
		line(8, 12, 3, 12),
		line(21, 20, 16, 20),
		line(12, 20, 3, 20),
		line(14, 2, 14, 6),
		line(8, 10, 8, 14),
		line(16, 18, 16, 22)
	],
	home: ['m3 9 9-7 9 7v11a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z', poly(9, 22, 9, 12, 15, 12, 15, 22)],
	target: [circle(12, 12, 10), circle(12, 12, 6), circle(12, 12, 2)],
	'check-square': [rect(3, 3, 18, 18, 2), 'm9 12 2 2 4-4'],
	file: ['M15 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V7Z', 'M14 2v4a2 2 0 0 0 2 2h4'],
	folder: [
		'M20 20a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-7.9a2 2 0 0 1-1.69-.9L9.6 3.9A2 2 0 0 0 7.93 3H4a2 2 0 0 0-2 2v13a2 2 0 0 0 2 2Z'
	],
	layers: ['m12 2 10 5-10 5L2 7z', 'm2 17 10 5 10-5', 'm2 12 10 5 10-5'],
	clipboard: [
		rect(8, 2, 8, 4, 1),
		'M16 4h2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2',
		line(12, 11, 16, 11),
		line(12, 16, 16, 16),
		dot(8, 11),
		dot(8, 16)
	],
	book: ['M4 19.5v-15A2.5 2.5 0 0 1 6.5 2H20v20H6.5a2.5 2.5 0 0 1 0-5H20'],
	building: [
		rect(4, 2, 16, 20, 2),
		'M9 22v-4h6v4',
		dot(8, 6),
		dot(12, 6),
		dot(16, 6),
		dot(8, 10),
		dot(12, 10),
		dot(16, 10),
		dot(8, 14),
		dot(12, 14),
		dot(16, 14)
	],
	search: [circle(11, 11, 8), 'm21 21-4.3-4.3'],
	calendar: [rect(3, 4, 18, 18, 2), line(16, 2, 16, 6), line(8, 2, 8, 6), line(3, 10, 21, 10)],
	clock: [circle(12, 12, 10), poly(12, 6, 12, 12, 16, 14)],
	upload: [
		'M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4',
		poly(17, 8, 12, 3, 7, 8),
		line(12, 3, 12, 15)
	],
	download: [
		'M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4',
		poly(7, 10, 12, 15, 17, 10),
		line(12, 15, 12, 3)
	],
	plus: ['M5 12h14', 'M12 5v14'],
	'alert-circle': [circle(12, 12, 10), line(12, 8, 12, 12), dot(12, 16)],
	info: [circle(12, 12, 10), 'M12 16v-4', dot(12, 8)],
	'log-out': [
		'M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4',
		poly(16, 17, 21, 12, 16, 7),
		line(21, 12, 9, 12)
	],
	'arrow-up': ['m5 12 7-7 7 7', 'M12 19V5'],
	'arrow-down': ['M12 5v14', 'm19 12-7 7-7-7'],
	'arrow-up-down': ['m21 16-4 4-4-4', 'M17 20V4', 'm3 8 4-4 4 4', 'M7 4v16'],
	trash: [
		'M3 6h18',
		'M19 6v14c0 1-1 2-2 2H7c-1 0-2-1-2-2V6',
		'M8 6V4c0-1 1-2 2-2h4c1 0 2 1 2 2v2'
	],
	pencil: ['M17 3a2.85 2.83 0 1 1 4 4L7.5 20.5 2 22l1.5-5.5Z'],
	message: ['M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z'],
	mail: [rect(2, 4, 20, 16, 2), 'm22 7-8.97 5.7a1.94 1.94 0 0 1-2.06 0L2 7'],
	link: [
		'M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71',
		'M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71'
	],
	share: [
		circle(18, 5, 3),
		circle(6, 12, 3),
		circle(18, 19, 3),
		line(8.59, 13.51, 15.42, 17.49),
		line(15.41, 6.51, 8.59, 10.49)
	],
	eye: ['M2 12s3-7 10-7 10 7 10 7-3 7-10 7-10-7-10-7Z', circle(12, 12, 3)],
	inbox: [
		poly(22, 12, 16, 12, 14, 15, 10, 15, 8, 12, 2, 12),
		'M5.45 5.11 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11z'
	],
	repeat: ['m17 2 4 4-4 4', 'M3 11v-1a4 4 0 0 1 4-4h14', 'm7 22-4-4 4-4', 'M21 13v1a4 4 0 0 1-4 4H3']
} satisfies Record<string, string[]>;

export type IconName = keyof typeof icons;
