/**
 * Progress of `npm run add`: on a terminal, a cli-progress bar with each message printed above
 * it; elsewhere (CI logs, pipes, tests) plain lines, where a redrawn bar would leave escape codes.
 */
import cliProgress from 'cli-progress';

export interface AddProgress {
	start(total: number): void;
	/** One URL or file done. */
	tick(source: string): void;
	/** A message line, printed without breaking the bar. */
	log(line: string): void;
	stop(): void;
}

export interface ProgressStream {
	isTTY?: boolean;
	write(text: string): unknown;
}

/** The part of cli-progress 3.12's MultiBar used here (its package ships no types). */
interface MultiBarLike {
	create(
		total: number,
		start: number,
		payload?: Record<string, unknown>,
	): {
		increment(step?: number, payload?: Record<string, unknown>): void;
		setTotal(total: number): void;
	};
	log(text: string): void;
	/** Redraws, writing the lines logged since the last redraw. */
	update(): void;
	stop(): void;
}
type MultiBarClass = new (options: object, preset?: object) => MultiBarLike;

export function createAddProgress(stream: ProgressStream = process.stdout): AddProgress {
	return stream.isTTY ? barProgress(stream) : lineProgress(stream);
}

function barProgress(stream: ProgressStream): AddProgress {
	const { MultiBar } = cliProgress as unknown as { MultiBar: MultiBarClass };
	const bars = new MultiBar(
		{
			stream,
			format: 'add [{bar}] {value}/{total} {source}',
			hideCursor: true,
			clearOnComplete: false,
		},
		cliProgress.Presets.shades_classic,
	);
	let bar: ReturnType<MultiBarLike['create']> | undefined;
	return {
		start: (total) => (bar = bars.create(total, 0, { source: '' })),
		tick: (source) => bar?.increment(1, { source }),
		log: (line) => bars.log(`${line}\n`),
		// stop() alone would drop the lines logged since the last redraw.
		stop: () => {
			bars.update();
			bars.stop();
		},
	};
}

export function lineProgress(stream: ProgressStream): AddProgress {
	let total = 0;
	let done = 0;
	return {
		start(count) {
			total = count;
			stream.write(`add: ${count} 个待处理\n`);
		},
		tick(source) {
			done++;
			stream.write(`add: [${done}/${total}] ${source}\n`);
		},
		log: (line) => stream.write(`${line}\n`),
		stop() {},
	};
}
