import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../src/lib/ingest/progress.ts';

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
