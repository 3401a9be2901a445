/**
 * `npm test`: unit and property tests, then the end-to-end tests in Chromium against the
 * built site (building it first when dist/ is missing), ending with the line CI reads:
 * `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'tests-'));
let passed = 0;
let failed = 0;

function vitest(name: string, args: string[]): void {
	const report = join(out, `${name}.json`);
	spawnSync(
		'npx',
		['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${report}`],
		{ stdio: 'inherit' },
	);
	if (!existsSync(report)) {
		console.error(`${name} tests did not run (no report written)`);
		failed++;
		return;
	}
	const result = JSON.parse(readFileSync(report, 'utf8')) as {
		numPassedTests: number;
		numFailedTests: number;
		testResults: { status: string; assertionResults: unknown[] }[];
	};
	// A test file that fails to load has no test results of its own; count it as one failure.
	const brokenFiles = result.testResults.filter(
		(f) => f.status === 'failed' && f.assertionResults.length === 0,
	).length;
	passed += result.numPassedTests;
	failed += result.numFailedTests + brokenFiles;
}

/** One counted check outside vitest: a command that must exit 0. */
function command(name: string, cmd: string, args: string[]): void {
	const run = spawnSync(cmd, args, { stdio: 'inherit' });
	if (run.status === 0) passed++;
	else {
		console.error(`${name} failed`);
		failed++;
	}
}

// Formatting is part of the contract (ARCHITECTURE.md): `npm run format` fixes what this finds.
command('prettier --check', 'npx', ['prettier', '--check', '.']);
vitest('unit', []);
if (!existsSync('dist/index.html')) {
	console.log('dist/ is missing: building the site for the end-to-end tests (npm run build)');
	const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (build.status !== 0) {
		console.error('npm run build failed');
		failed++;
	}
}
if (existsSync('vitest.e2e.config.ts') && existsSync('dist/index.html'))
	vitest('e2e', ['--config', 'vitest.e2e.config.ts']);

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
