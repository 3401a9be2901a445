import { describe, expect, it } from 'vitest';
import { createProgress, LINE_PER_FILE_MAX } from '../../../src/lib/ingest/progress.ts';

const capture = (isTTY: boolean) => {
	const written: string[] = [];
	return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
};

describe('createProgress', () => {
	it('prints one plain line per file when the output is not a terminal', () => {
		const { stream, written } = capture(false);
		const progress = createProgress(stream);
		progress.start(2);
		progress.tick('content/reports/a.txt');
		progress.tick('content/reports/子目录/b.txt');
		progress.stop();
		expect(written).toEqual([
			'ingest: 2 report files\n',
			'ingest: [1/2] content/reports/a.txt\n',
			'ingest: [2/2] content/reports/子目录/b.txt\n',
		]);
	});

	it('prints one line per percent, and the last file, in a run larger than LINE_PER_FILE_MAX', () => {
		const { stream, written } = capture(false);
		const progress = createProgress(stream);
		const total = LINE_PER_FILE_MAX * 7 + 3;
		progress.start(total);
		for (let i = 1; i <= total; i++) progress.tick(`content/reports/${i}.txt`);
		expect(written).toHaveLength(1 + 100);
		expect(written[1]).toMatch(
			new RegExp(`^ingest: \\[\\d+/${total}\\] 1% content/reports/\\d+\\.txt\\n$`),
		);
		expect(written.at(-1)).toBe(`ingest: [${total}/${total}] 100% content/reports/${total}.txt\n`);
	});

	it('draws a bar on a terminal', () => {
		const { stream, written } = capture(true);
		const progress = createProgress(stream);
		progress.start(1);
		progress.tick('content/reports/a.txt');
		progress.stop();
		const output = written.join('');
		expect(output).toContain('1/1');
		expect(output).not.toContain('ingest: [1/1]');
	});
});
