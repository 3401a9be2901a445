/**
 * The build runs the download writer and `astro build` at the same time: their output must stay
 * readable line by line, and when one fails the other is killed (not left running) and the error
 * names both.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
	BuildStop,
	prefixLines,
	runTogether,
	type Step,
} from '../../../scripts/lib/child-steps.ts';

const node = (label: string, code: string): Step => ({
	label,
	args: ['-e', code],
	cwd: process.cwd(),
	env: process.env,
});

const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

describe('prefixLines', () => {
	it('prefixes whole lines, across chunks, keeps a progress bar’s last state and flushes the last line', async () => {
		const from = new PassThrough();
		const to = new PassThrough();
		let out = '';
		to.on('data', (chunk: Buffer) => (out += chunk.toString()));
		prefixLines(from, to, '[astro build] ');
		from.write('first li');
		from.write('ne\nsecond\n[1/3]\r[2/3]\r[3/3]\nno newline');
		from.end();
		await new Promise((done) => from.on('end', done));
		expect(out).toBe(
			'[astro build] first line\n[astro build] second\n[astro build] [3/3]\n[astro build] no newline\n',
		);
	});
});

describe('runTogether', () => {
	it('resolves when every step exits 0', async () => {
		await expect(
			runTogether([node('a', 'setTimeout(() => {}, 200)'), node('b', 'process.exit(0)')]),
		).resolves.toBeUndefined();
	}, 30_000);

	it('kills the step still running when the other fails, and names both', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'child-steps-'));
		const pidFile = join(dir, 'pid');
		const slow = node(
			'astro build',
			`require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setTimeout(() => {}, 120000)`,
		);
		// The failing step waits until the slow one is surely running.
		const failing = node(
			'npm run downloads',
			`const t = setInterval(() => { if (require('fs').existsSync(${JSON.stringify(pidFile)})) { clearInterval(t); process.exit(3); } }, 20)`,
		);
		const started = Date.now();
		const error = await runTogether([failing, slow]).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BuildStop);
		expect((error as Error).message).toBe(
			'npm run downloads 失败（exit 3）；已中止同时运行的 astro build',
		);
		expect(existsSync(pidFile)).toBe(true);
		expect(alive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
		expect(Date.now() - started).toBeLessThan(60_000);
	}, 90_000);
});
