/**
 * `npm run add` as a command: exit statuses, and an interrupted download (SIGINT while the
 * server is still answering) leaves nothing in content/reports/.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../support/collect-server.ts';

let server: FixtureServer;
const roots: string[] = [];
beforeAll(async () => {
	server = await startFixtureServer();
});
afterAll(async () => {
	await server?.close();
	for (const root of roots) rmSync(root, { recursive: true, force: true });
});

interface Started {
	root: string;
	done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
	kill: (signal: NodeJS.Signals) => void;
}

function start(args: string[]): Started {
	const root = mkdtempSync(join(tmpdir(), 'collect-cli-'));
	roots.push(root);
	const child = spawn(process.execPath, ['scripts/add.ts', '--delay', '20', ...args], {
		env: { ...process.env, PORTAL_ROOT: root },
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d) => (stdout += d));
	child.stderr.on('data', (d) => (stderr += d));
	const done = new Promise<{
		code: number | null;
		signal: string | null;
		stdout: string;
		stderr: string;
	}>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
	return { root, done, kill: (signal) => child.kill(signal) };
}

const reportFiles = (root: string) =>
	existsSync(join(root, 'content/reports'))
		? readdirSync(join(root, 'content/reports'), { recursive: true })
		: [];

// Each test starts Node and loads the division table: seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

describe('npm run add', () => {
	it('exits 2 with the usage on a bad argument', async () => {
		const { done } = start(['--bogus']);
		const result = await done;
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('add: unknown option --bogus');
		expect(result.stderr).toContain('usage: npm run add --');
	});

	it('exits 1 when a source fails, after the one-line reason and the summary', async () => {
		const { done, root } = start([server.url('/files/missing.txt')]);
		const result = await done;
		expect(result.code).toBe(1);
		expect(result.stdout).toContain(`${server.url('/files/missing.txt')} error http-client-error`);
		expect(result.stdout).toContain('1 个下载失败');
		expect(reportFiles(root)).toEqual([]);
	});

	it('leaves nothing behind when interrupted during a download', async () => {
		const run = start(['--timeout', '20000', server.url('/files/slow.txt')]);
		// Wait until the server is answering the slow request, then interrupt.
		for (let i = 0; i < 1600 && server.requestsFor('/files/slow.txt').length === 0; i++)
			await new Promise((r) => setTimeout(r, 25));
		expect(server.requestsFor('/files/slow.txt').length).toBeGreaterThan(0);
		run.kill('SIGINT');
		const result = await run.done;
		expect(result.code).toBe(130);
		expect(result.stderr).toContain('SIGINT');
		expect(reportFiles(run.root)).toEqual([]);
	});
});
