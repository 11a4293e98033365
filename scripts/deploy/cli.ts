/**
 * `npm run deploy:check -- <environment>`: the preflight alone (exit 1 when a check fails).
 * `npm run deploy -- <environment>`: the preflight, `npm run build`, then `wrangler deploy` of
 * the app worker and the jobs worker with the operator's APP_URL and MAIL_FROM.
 * <environment> is `production` (the top level of the wrangler configs) or the name of an
 * [env.*] section, e.g. `staging`. Run from the repository root.
 */
import { spawnSync } from 'node:child_process';
import {
	deployArgs,
	formatResult,
	preflight,
	readSettings,
	wranglerRunner,
	workerPlan,
	type OperatorSettings,
	type WorkerPlan
} from './preflight';

const [command, environment = 'production'] = process.argv.slice(2);
if (command !== 'check' && command !== 'deploy') {
	console.error('usage: tsx scripts/deploy/cli.ts check|deploy [production|staging]');
	process.exit(2);
}

const plans = plansOrExit(environment);
const settings = readSettings(environment);
console.log(`Preflight for ${environment} (${plans.map((plan) => plan.name).join(', ')}):`);
const results = await preflight({
	environment,
	settings,
	plans,
	run: wranglerRunner(),
	accountIdSet: Boolean(process.env.CLOUDFLARE_ACCOUNT_ID)
});
for (const result of results) console.log(formatResult(result));
console.log('note migrations: not checked here; run `npm run db:migrate` before deploying new ones (docs/DEPLOY.md).');

const failed = results.filter((result) => !result.ok).length;
if (failed) {
	console.error(`\n${failed} check(s) failed: nothing was deployed.`);
	process.exit(1);
}
if (command === 'check') process.exit(0);

deploy(settings as OperatorSettings);

function deploy(operator: OperatorSettings): void {
	const revision = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
	const message = `tandem ${revision || 'unknown revision'} (${environment})`;
	runOrExit('npm', ['run', 'build']);
	// App first, then the jobs worker, so both run the same code within a minute.
	for (const plan of plans) {
		runOrExit(process.execPath, ['node_modules/wrangler/bin/wrangler.js', ...deployArgs(plan, operator, message)]);
	}
	console.log(`\nDeployed ${environment}. Smoke check: docs/DEPLOY.md step 9.`);
}

function plansOrExit(name: string): WorkerPlan[] {
	try {
		return [workerPlan('app', name), workerPlan('jobs', name)];
	} catch (error) {
		console.error(error instanceof Error ? error.message : String(error));
		process.exit(2);
	}
}

function runOrExit(file: string, args: string[]): void {
	const { status } = spawnSync(file, args, { stdio: 'inherit' });
	if (status !== 0) {
		console.error(`\n\`${[file, ...args].join(' ')}\` failed (exit ${status}). A Worker deployed before this step keeps running; see docs/DEPLOY.md "Rollback".`);
		process.exit(status ?? 1);
	}
}
