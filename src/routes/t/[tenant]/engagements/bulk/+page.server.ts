import { fieldError } from '$lib/server/errors';
import { finishElsewhere } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';
import { base64Of } from '$lib/server/imports/service';
import { toTRPCError } from '$lib/server/trpc/errors';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import { engagementPaths } from '$lib/engagements/paths';
import type { PageServerLoad } from './$types';

/** "+ New" > "Bulk Create": the columns, the template, the upload, and one's recent bulk creates. */
export const load: PageServerLoad = (event) => loadOrFail(event, async () => ({ recent: await serverCaller(event).imports.recent({ tenant: event.params.tenant }) }));

const chooseFile = 'Choose a CSV file to upload.';

export const actions = defineActions({
	/** Multipart, with or without scripts: refused files come back under the field at once;
	 * an accepted one goes on to its progress page. */
	upload: formAction({ file: 'files' }, async ({ file: [file] }, { api, event }) => {
		if (!file) throw toTRPCError(fieldError('file', chooseFile));
		const tenant = event.params.tenant as string;
		const started = await api.imports.start({ tenant, fileName: file.name, file: base64Of(new Uint8Array(await file.arrayBuffer())) });
		finishElsewhere(event, { message: `“${started.fileName}” uploaded. Its rows are being read.`, location: `/t/${tenant}${engagementPaths.bulkImport(started.id)}` });
	})
});
