/**
 * npm run add -- URL|FILE ... [--list FILE] [--from-index URL] [--replace] [--root DIR]
 * Collects reports into content/reports/ with a provenance sidecar each (see
 * src/lib/collect/run-add.ts and README "Collecting reports"). --delay, --timeout (ms) and
 * --retries tune the fetcher. Exit 0 when every source ended stored or already there; 1 when
 * any was a duplicate, not a report, or failed; 2 on bad arguments.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarizeOutcomes } from '../src/lib/collect/outcome.ts';
import { DEFAULT_POLICY, type FetchPolicy } from '../src/lib/collect/polite-fetch.ts';
import { createAddProgress } from '../src/lib/collect/progress.ts';
import { runAdd, summaryLines, type AddRequest } from '../src/lib/collect/run-add.ts';
import { removePendingTempFiles } from '../src/lib/collect/store.ts';
import { createPlacer } from '../src/lib/ingest/placement.ts';

const USAGE =
	'usage: npm run add -- URL|FILE ... [--list FILE] [--from-index URL] [--replace] [--root DIR] [--delay MS] [--timeout MS] [--retries N]';

function parseArgs(args: string[]) {
	const request: AddRequest = { sources: [], lists: [], indexes: [], replace: false };
	const policy: FetchPolicy = { ...DEFAULT_POLICY };
	let rootDir = process.env.PORTAL_ROOT
		? resolve(process.env.PORTAL_ROOT)
		: fileURLToPath(new URL('..', import.meta.url));
	const value = (i: number, name: string) => {
		const v = args[i + 1];
		if (v === undefined) fail(`${name} needs a value`);
		return v!;
	};
	const count = (i: number, name: string) => {
		const n = Number(value(i, name));
		if (!Number.isInteger(n) || n < 0) fail(`${name} needs a whole number`);
		return n;
	};
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '--list') request.lists.push(value(i++, arg));
		else if (arg === '--from-index') request.indexes.push(value(i++, arg));
		else if (arg === '--replace') request.replace = true;
		else if (arg === '--root') rootDir = resolve(value(i++, arg));
		else if (arg === '--delay') policy.delayMs = count(i++, arg);
		else if (arg === '--timeout') policy.timeoutMs = count(i++, arg);
		else if (arg === '--retries') policy.retries = count(i++, arg);
		else if (arg === '--help' || arg === '-h') {
			console.log(USAGE);
			process.exit(0);
		} else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
		else request.sources.push(arg);
	}
	if (request.sources.length + request.lists.length + request.indexes.length === 0)
		fail('nothing to add');
	return { request, policy, rootDir };
}

function fail(message: string): never {
	console.error(`add: ${message}\n${USAGE}`);
	process.exit(2);
}

// An interrupted run leaves no temporary file behind (a killed one is cleaned up by the next run).
for (const signal of ['SIGINT', 'SIGTERM'] as const)
	process.on(signal, () => {
		removePendingTempFiles();
		console.error(`add: ${signal}，已停止；content/reports/ 中没有留下不完整的文件`);
		process.exit(130);
	});

const { request, policy, rootDir } = parseArgs(process.argv.slice(2));
const outcomes = await runAdd(request, {
	rootDir,
	place: createPlacer(rootDir),
	policy,
	progress: createAddProgress(process.stdout),
});
for (const line of summaryLines(outcomes)) console.log(line);
const s = summarizeOutcomes(outcomes);
process.exitCode = s.duplicate + s.notReport + s.failed > 0 ? 1 : 0;
