/**
 * Progress while reports are parsed: a bar on a terminal, plain lines elsewhere (CI logs,
 * pipes), where a redrawn bar would only leave escape codes behind. Plain lines name each file
 * in a small run; past LINE_PER_FILE_MAX files they come once per percent, so a national run
 * (270k files) writes about a hundred lines, not one per report.
 */
import cliProgress from 'cli-progress';
import { quoteFileName } from './diagnostics.ts';

export interface Progress {
	start(total: number): void;
	/** One file done. */
	tick(file: string): void;
	stop(): void;
}

export interface ProgressStream {
	isTTY?: boolean;
	write(text: string): unknown;
}

export function createProgress(stream: ProgressStream = process.stdout): Progress {
	return stream.isTTY ? barProgress(stream) : lineProgress(stream);
}

function barProgress(stream: ProgressStream): Progress {
	const bar = new cliProgress.SingleBar(
		{
			stream,
			format: 'ingest [{bar}] {value}/{total} {file}',
			hideCursor: true,
			clearOnComplete: false,
		},
		cliProgress.Presets.shades_classic,
	);
	return {
		start: (total) => bar.start(total, 0, { file: '' }),
		tick: (file) => bar.increment(1, { file: quoteFileName(file) }),
		stop: () => bar.stop(),
	};
}

/** Up to this many files, the plain progress names every file. */
export const LINE_PER_FILE_MAX = 500;

export function lineProgress(stream: ProgressStream): Progress {
	let total = 0;
	let done = 0;
	let shownPercent = 0;
	return {
		start(count) {
			total = count;
			done = 0;
			shownPercent = 0;
			stream.write(`ingest: ${count} report file${count === 1 ? '' : 's'}\n`);
		},
		tick(file) {
			done++;
			if (total <= LINE_PER_FILE_MAX) {
				stream.write(`ingest: [${done}/${total}] ${quoteFileName(file)}\n`);
				return;
			}
			const percent = Math.floor((done * 100) / total);
			if (percent === shownPercent && done !== total) return;
			shownPercent = percent;
			stream.write(`ingest: [${done}/${total}] ${percent}% ${quoteFileName(file)}\n`);
		},
		stop() {},
	};
}

/** For tests and library callers that want no output. */
export const silentProgress: Progress = { start() {}, tick() {}, stop() {} };
