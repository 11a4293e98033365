/**
 * First step of `npm run dev`: creates .data/, migrates the control plane and every tenant,
 * seeds the demo on first run and prints the demo sign-ins. No account, key or network.
 */
import { createLocalRuntime } from '../src/lib/server/platform/local';
import { migrateEverything } from '../src/lib/server/tenancy/migrate-all';
import { demoPassword, demoSignIns, seedDemo } from '../src/lib/server/demo/seed';

const dataDir = process.env.TANDEM_DATA_DIR ?? '.data';
const appUrl = process.env.APP_URL ?? 'http://localhost:5173';
const runtime = await createLocalRuntime({ dataDir, persistMail: true, config: { appUrl } });
const report = await migrateEverything(runtime.platform);
for (const tenant of report.tenants.filter((t) => !t.ok)) console.warn(`! tenant ${tenant.slug} did not migrate: ${tenant.error}`);
const seeded = await seedDemo(runtime.platform);
await runtime.queue.drain();
runtime.close();

console.log(`\nTandem ${seeded ? 'seeded a demo' : 'demo data is ready'} in ${dataDir}/. Sign in at ${appUrl}/signin with password "${demoPassword}":`);
for (const { who, email } of demoSignIns) console.log(`  ${who.padEnd(34)} ${email}`);
console.log(`Emails the app sends appear at ${appUrl}/dev/mail\n`);
