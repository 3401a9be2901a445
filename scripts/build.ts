/**
 * npm run build [-- --strict] [--allow-empty] [--root DIR]
 * Ingest, then the downloads and `astro build` at the same time (both only read the ingest's
 * output; on two cores the writer is off the critical path), then Pagefind, publishing all or
 * nothing: the site is built into a fresh folder of this run's own (`dist.tmp-<run>`), the
 * downloads are linked into it and the /data/ page's sizes filled in once both have finished,
 * checked (every report has its pages, every download one row per report, the search index is
 * there) and only then swapped in as dist/. A failing step stops the one beside it and the build
 * says which; a killed, failed, disk-full or concurrent build leaves the previous dist/ as it
 * was; a second build while one runs stops at once with a message. An empty collection is an
 * error unless --allow-empty. --root DIR (or PORTAL_ROOT) builds DIR/content/ into DIR/dist/.
 * Exit 0 when dist/ was replaced; 1 otherwise, with the reason and dist/'s state.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockOutput } from '../src/lib/ingest/output-lock.ts';
import { hostname } from 'node:os';
import { removeLeftovers, swapInto } from '../src/lib/ingest/write-collection.ts';
import { isStale } from '../src/lib/ingest/output-lock.ts';
import { DOWNLOADS_PENDING_ENV } from '../src/lib/site/data-page-facts.ts';
import { BuildStop, runStep, runTogether, stopAll } from './lib/child-steps.ts';
import {
	astroRun,
	buildFolder,
	collectionEntries,
	placeDownloads,
	moveFolder,
	downloadProblems,
	pageProblems,
	staleBuildFolders,
} from './lib/site-build.ts';
import { indexShards } from './lib/pagefind-shards.ts';

const USAGE = 'usage: npm run build [-- --strict] [--allow-empty] [--root DIR]';
const projectDir = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

interface Options {
	strict: boolean;
	allowEmpty: boolean;
	root: string;
}

function parseArgs(args: string[]): Options {
	const options: Options = {
		strict: false,
		allowEmpty: false,
		root: process.env.PORTAL_ROOT ? resolve(process.env.PORTAL_ROOT) : projectDir,
	};
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--strict') options.strict = true;
		else if (arg === '--allow-empty') options.allowEmpty = true;
		else if (arg === '--root' && args[i + 1] !== undefined) options.root = resolve(args[++i]!);
		else {
			console.error(
				arg === '--help' || arg === '-h' ? USAGE : `build: unknown argument ${arg}\n${USAGE}`,
			);
			process.exit(arg === '--help' || arg === '-h' ? 0 : 2);
		}
	}
	return options;
}

/** Runs one child with its output as it is; resolves on exit 0, else stops the build. */
const run = (label: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) =>
	runStep({ label, args, cwd, env });

let cleanup = () => {};

async function main(): Promise<number> {
	const options = parseArgs(process.argv.slice(2));
	const { root } = options;
	const dist = join(root, 'dist');
	const runId = `${process.pid}-${randomBytes(4).toString('hex')}`;
	const staging = `${dist}.tmp-${runId}`;
	const outDir = buildFolder(projectDir, root, runId);
	let release = () => {};
	cleanup = () => {
		rmSync(outDir, { recursive: true, force: true });
		rmSync(staging, { recursive: true, force: true });
		release();
	};
	try {
		release = lockOutput(`${dist}.lock`, 'npm run build');
		for (const warning of removeLeftovers(dist)) console.log(`build: ${warning}`);
		const alive = (pid: number) => !isStale({ pid, host: hostname() });
		for (const folder of staleBuildFolders(projectDir, alive))
			rmSync(folder, { recursive: true, force: true });
		// Writability first: a read-only root stops here, before anything is replaced.
		mkdirSync(staging, { recursive: true });
		rmSync(staging, { recursive: true });

		const ingestArgs = [join(projectDir, 'scripts/ingest.ts'), '--root', root];
		if (options.strict) ingestArgs.push('--strict');
		await run('npm run ingest', ingestArgs, projectDir, process.env);

		const entries = collectionEntries(join(root, 'content/generated'));
		if (entries.length === 0 && !options.allowEmpty)
			throw new BuildStop(
				'content/generated/ 中没有任何报告：请把报告放进 content/reports/，或确需发布空站点时加 --allow-empty',
			);

		// The bulk downloads, streamed from the collection, beside astro build: the /data/ page is
		// rendered with markers for the writer's sizes, filled in once both have finished.
		const generated = join(root, 'content/generated');
		const astro = astroRun(projectDir, root, outDir, process.env);
		await runTogether([
			{
				label: 'npm run downloads',
				args: [join(projectDir, 'scripts/write-downloads.ts'), '--root', root],
				cwd: projectDir,
				env: process.env,
			},
			{ label: 'astro build', ...astro, env: { ...astro.env, [DOWNLOADS_PENDING_ENV]: '1' } },
		]);
		placeDownloads(generated, outDir);
		const pagefind = join(projectDir, 'node_modules/pagefind/lib/runner/bin.cjs');
		// The downloads' rows are counted while Pagefind indexes the pages: neither needs the other.
		const [, downloadsShort] = await Promise.all([
			indexShards(outDir, (args) => run('pagefind', [pagefind, ...args], root, process.env)),
			downloadProblems(outDir, entries.length),
		]);

		if (outDir !== staging) moveFolder(outDir, staging);
		const problems = [...downloadsShort, ...pageProblems(staging, entries)];
		if (problems.length > 0)
			throw new BuildStop(
				`新站点不完整，未发布（${problems.length} 处）：\n  ${problems.slice(0, 20).join('\n  ')}`,
			);
		for (const warning of swapInto(dist, staging, `${dist}.old-${runId}`))
			console.log(`build: ${warning}`);
		console.log(`build: ${dist} 已更新（${entries.length} 份报告，已核对页面、下载与搜索索引）`);
		return 0;
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		// A failed swap says dist/'s state itself (CollectionWriteError); every earlier stop left it alone.
		const state =
			error instanceof Error && error.name === 'CollectionWriteError' ? '' : `${dist} 未改动：`;
		console.error(`build: 停止，${state}${message}`);
		if (!(error instanceof BuildStop) && error instanceof Error && error.name === 'Error')
			console.error(error.stack);
		return 1;
	} finally {
		cleanup();
	}
}

// Ctrl-C or a kill: stop the children (and wait for them), remove this run's folder, release the lock; dist/ stays.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
	process.on(signal, async () => {
		await stopAll();
		cleanup();
		console.error(`build: ${signal}，已中止；dist/ 未改动`);
		process.exit(130);
	});

process.exitCode = await main();
