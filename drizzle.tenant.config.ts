import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'turso',
	schema: './src/lib/server/db/tenant/schema.ts',
	out: './drizzle/tenant'
});
