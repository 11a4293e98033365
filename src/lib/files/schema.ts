/**
 * Files on a coachee's profile (manage-your-coachees.txt, "Files"): the inputs, limits,
 * accepted types and labels that the router, the services and the pages share. A type is
 * accepted by its name first (so the browser is told at once) and by its content when the
 * upload finishes (server/files/sniff.ts), never by the name alone.
 */
import { z } from 'zod';

export const fileVisibilities = ['private', 'shared'] as const;
export type FileVisibility = (typeof fileVisibilities)[number];

/** "Permission Level" in the article's words. */
export const visibilityLabels: Record<FileVisibility, string> = {
	private: 'Private (only visible to you)',
	shared: 'Shared (visible to the coachee)'
};
export const visibilityBadges: Record<FileVisibility, string> = { private: 'Private', shared: 'Shared' };

export const maxFileMegabytes = 25;
export const maxFileBytes = maxFileMegabytes * 1024 * 1024;
/** How many files one "+ Files" may attach. */
export const maxFilesPerSubmit = 10;

/** What a file's first bytes must look like for its type (server/files/sniff.ts). */
export type ContentSignature = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'ooxml' | 'ole' | 'text';

export interface AcceptedType {
	extensions: readonly string[];
	/** The type the file is stored and served with. */
	contentType: string;
	signature: ContentSignature;
	/** What people call it ("a Word document"). */
	label: string;
	/** The family shown in the list's Type column. */
	family: string;
}

const office = (family: string, label: string, legacy: [string, string], open: [string, string]): AcceptedType[] => [
	{ extensions: [legacy[0]], contentType: legacy[1], signature: 'ole', label, family },
	{ extensions: [open[0]], contentType: open[1], signature: 'ooxml', label, family }
];

/** No SVG or HTML: a preview must never run script in the app's origin. */
export const acceptedTypes: readonly AcceptedType[] = [
	{ extensions: ['pdf'], contentType: 'application/pdf', signature: 'pdf', label: 'a PDF', family: 'PDF' },
	...office('Word', 'a Word document', ['doc', 'application/msword'], ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']),
	...office('Excel', 'an Excel workbook', ['xls', 'application/vnd.ms-excel'], ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']),
	...office('PowerPoint', 'a PowerPoint presentation', ['ppt', 'application/vnd.ms-powerpoint'], ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation']),
	{ extensions: ['png'], contentType: 'image/png', signature: 'png', label: 'a PNG image', family: 'Image' },
	{ extensions: ['jpg', 'jpeg'], contentType: 'image/jpeg', signature: 'jpeg', label: 'a JPEG image', family: 'Image' },
	{ extensions: ['gif'], contentType: 'image/gif', signature: 'gif', label: 'a GIF image', family: 'Image' },
	{ extensions: ['webp'], contentType: 'image/webp', signature: 'webp', label: 'a WebP image', family: 'Image' },
	{ extensions: ['txt'], contentType: 'text/plain', signature: 'text', label: 'a text file', family: 'Text' },
	{ extensions: ['csv'], contentType: 'text/csv', signature: 'text', label: 'a CSV file', family: 'CSV' }
];

export const acceptedTypesSentence = 'PDF, Word, Excel, PowerPoint, images (PNG, JPEG, GIF, WebP), text and CSV';

/** For the file input's `accept`: the browser's picker offers only these. */
export const acceptAttribute = acceptedTypes.flatMap((type) => type.extensions.map((ext) => `.${ext}`)).join(',');

export const extensionOf = (name: string) => (/\.([^./\\]+)$/.exec(name)?.[1] ?? '').toLowerCase();

export const acceptedTypeOf = (name: string): AcceptedType | undefined => {
	const ext = extensionOf(name);
	return acceptedTypes.find((type) => type.extensions.includes(ext));
};

export const familyOf = (contentType: string) => acceptedTypes.find((type) => type.contentType === contentType)?.family ?? 'File';

/** Images and PDFs open in place on the file's page; everything else downloads. */
export type PreviewKind = 'image' | 'pdf' | null;
export const previewKindOf = (contentType: string): PreviewKind =>
	contentType === 'application/pdf' ? 'pdf' : contentType.startsWith('image/') ? 'image' : null;

export function formatSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
	const mb = bytes / (1024 * 1024);
	return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`;
}

// ---- The refusals, the same words in the browser and from the server ------------------------

export const refusedTypeMessage = (name: string) => `“${name}” is not a file type Tandem accepts: ${acceptedTypesSentence}.`;
export const tooLargeMessage = (name: string, size: number) => `“${name}” is ${formatSize(size)}; files can be at most ${maxFileMegabytes} MB.`;
export const emptyFileMessage = (name: string) => `“${name}” is empty.`;
export const contentMismatchMessage = (name: string, type: AcceptedType) =>
	`“${name}” is not really ${type.label}: its content does not match its name, so it was not kept.`;

/** What the browser can tell before sending a byte; null when the file may go. */
export function refusalBeforeUpload(file: { name: string; size: number }): string | null {
	if (!acceptedTypeOf(file.name)) return refusedTypeMessage(file.name);
	if (file.size > maxFileBytes) return tooLargeMessage(file.name, file.size);
	if (file.size === 0) return emptyFileMessage(file.name);
	return null;
}

// ---- Inputs ---------------------------------------------------------------------------------

const id = z.string().min(1).max(64);

export const fileIdInput = z.object({ fileId: id });

/** Files a page of the Files list shows. */
export const filesPageSize = 25;
export const fileListInput = z.object({ page: z.number().int().min(1).max(10_000).default(1) });
export type FileListQuery = z.output<typeof fileListInput>;
export const uploadIdInput = z.object({ uploadId: id });

export const visibilitySchema = z.enum(fileVisibilities, { error: 'Choose who may see the files: Private or Shared.' });

export const startUploadFields = z.object({
	name: z
		.string()
		.trim()
		.min(1, 'The file needs a name.')
		.max(200, 'File names can be at most 200 characters.')
		// Path separators and control characters have no place in a name shown and downloaded.
		.transform((name) => [...name].map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 0x20 || c === '\x7f' ? '_' : c)).join('')),
	size: z.number().int().min(0),
	declaredType: z.string().max(200).default(''),
	visibility: visibilitySchema
});
export type StartUploadFields = z.output<typeof startUploadFields>;
