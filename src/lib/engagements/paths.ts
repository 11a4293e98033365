/**
 * Where engagements and program templates live, inside the workspace (pages and emails put
 * `/t/<slug>` in front). The same addresses serve every role; each page shows what the
 * person may see of it (engagements/access.ts).
 */
export const engagementPaths = {
	list: '/engagements',
	create: '/engagements/new',
	engagement: (engagementId: string) => `/engagements/${engagementId}`,
	item: (engagementId: string, itemId: string) => `/engagements/${engagementId}#item-${itemId}`,
	/** Where a coachee picks the time of a session left for them to schedule. */
	scheduleSession: (engagementId: string, itemId: string) => `/engagements/${engagementId}/items/${itemId}/schedule`,
	/** A person's private calendar feed settings (the subscription link and "Revoke"). */
	calendar: '/engagements/calendar',
	/** "+ New" > "Bulk Create": the template CSV, the upload, and past bulk creates. */
	bulkCreate: '/engagements/bulk',
	/** One bulk create's progress and result (its rejected rows). */
	bulkImport: (importId: string) => `/engagements/bulk/${importId}`,
	/** "Download the template CSV". */
	bulkTemplate: '/engagements/bulk/template.csv',
	/** "Download rejected rows (CSV)" of one bulk create. */
	bulkRejected: (importId: string) => `/engagements/bulk/${importId}/rejected.csv`,
	/** "Export": the filters, and one's recent exports. */
	export: '/engagements/export',
	/** One export's progress and its download. */
	exportJob: (exportId: string) => `/engagements/export/${exportId}`,
	/** Its CSV, through a 5-minute link minted for the requester only. */
	exportDownload: (exportId: string) => `/engagements/export/${exportId}/download`
};

export const programPaths = {
	library: '/programs',
	create: '/programs/new',
	program: (programId: string) => `/programs/${programId}`
};
