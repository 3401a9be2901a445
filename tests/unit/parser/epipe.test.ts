/**
 * `npm run -s parse -- FILE | head` (issue 13.15): a reader that stops early closes the pipe;
 * the command ends quietly with no EPIPE stack trace, as Unix tools do.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('parse | head', () => {
	it('ends quietly when the reader closes the pipe', () => {
		// Five copies make an output far larger than a pipe buffer, so the write really meets EPIPE.
		const file = 'content/reports/002_ccc6fd39e1392b13.txt';
		const run = spawnSync(
			'bash',
			[
				'-c',
				`"$NODE" scripts/parse.ts ${Array(5).fill(file).join(' ')} 2>"$ERR" | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"; cat "$ERR"`,
			],
			{
				encoding: 'utf8',
				env: { ...process.env, NODE: process.execPath, ERR: `/tmp/epipe-${process.pid}.err` },
			},
		);
		const [status, ...stderr] = run.stdout.split('\n');
		expect(stderr.join('\n')).not.toMatch(/EPIPE|Error|at /);
		expect(status).toBe('0');
	}, 60_000); // a child process: slow on a busy machine
});
