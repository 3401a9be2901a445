/**
 * The child processes of `npm run build` (scripts/build.ts). Two steps that only read the
 * ingest's output (the download writer and `astro build`) run at the same time on a 2-core
 * machine; this file starts them, keeps their output readable (every line prefixed with the
 * step's name, so two logs interleave line by line and never mid-line), and stops the build as
 * soon as one fails: the others are killed and waited for, and the error names the step that
 * failed and the steps it stopped. `stopAll` is what Ctrl-C calls.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export class BuildStop extends Error {}

export interface Step {
	/** The name printed before every line and in error messages, e.g. `astro build`. */
	label: string;
	args: string[];
	cwd: string;
	env: NodeJS.ProcessEnv;
}

const running = new Set<ChildProcess>();

/** Kills every running child (SIGKILL) and waits until they are gone (at most 5 s): for Ctrl-C. */
export async function stopAll(): Promise<void> {
	const gone = [...running].map((child) => new Promise((done) => child.once('close', done)));
	for (const child of running) child.kill('SIGKILL');
	await Promise.race([Promise.all(gone), new Promise((done) => setTimeout(done, 5000))]);
}

/** Copies `from` to `to` line by line, each line prefixed; a last line without \n is flushed at the end. */
export function prefixLines(
	from: NodeJS.ReadableStream,
	to: NodeJS.WritableStream,
	prefix: string,
): void {
	let rest = '';
	from.setEncoding('utf8');
	from.on('data', (chunk: string) => {
		const lines = (rest + chunk).split('\n');
		rest = lines.pop()!;
		// A progress bar redraws with \r: only its last state on a line is worth keeping.
		if (lines.length > 0)
			to.write(lines.map((line) => `${prefix}${line.split('\r').at(-1)}\n`).join(''));
	});
	from.on('end', () => {
		if (rest !== '') to.write(`${prefix}${rest.split('\r').at(-1)}\n`);
	});
}

interface Started {
	label: string;
	child: ChildProcess;
	/** Resolves with null on exit 0, else with how it ended (`exit 2`, `SIGKILL`). */
	ended: Promise<string | null>;
}

function start(step: Step, prefixed: boolean): Started {
	const child = spawn(process.execPath, step.args, {
		cwd: step.cwd,
		env: step.env,
		stdio: prefixed ? ['ignore', 'pipe', 'pipe'] : 'inherit',
	});
	running.add(child);
	if (prefixed) {
		prefixLines(child.stdout!, process.stdout, `[${step.label}] `);
		prefixLines(child.stderr!, process.stderr, `[${step.label}] `);
	}
	const ended = new Promise<string | null>((done) => {
		child.on('error', (error) => {
			running.delete(child);
			done(`无法启动：${error.message}`);
		});
		// 'close', not 'exit': the output pipes are drained by then, so no line is lost.
		child.on('close', (code, signal) => {
			running.delete(child);
			done(code === 0 ? null : (signal ?? `exit ${code}`));
		});
	});
	return { label: step.label, child, ended };
}

/** Runs one step with its output as it is (a terminal's progress bar stays a progress bar). */
export async function runStep(step: Step): Promise<void> {
	const how = await start(step, false).ended;
	if (how !== null) throw new BuildStop(`${step.label} 失败（${how}）`);
}

/**
 * Runs the steps at the same time, their output prefixed. Resolves when all end with exit 0;
 * when one fails, kills the others, waits for them to end, and throws a BuildStop naming the
 * failed step and the stopped ones.
 */
export async function runTogether(steps: Step[]): Promise<void> {
	const started = steps.map((step) => start(step, true));
	const failure = await new Promise<{ label: string; how: string } | null>((done) => {
		let left = started.length;
		for (const { label, ended } of started)
			void ended.then((how) => {
				if (how !== null) done({ label, how });
				else if (--left === 0) done(null);
			});
	});
	if (failure === null) return;
	const stopped: string[] = [];
	for (const { label, child } of started)
		if (label !== failure.label && child.exitCode === null && child.signalCode === null) {
			child.kill('SIGKILL');
			stopped.push(label);
		}
	await Promise.all(started.map((s) => s.ended));
	const also = stopped.length > 0 ? `；已中止同时运行的 ${stopped.join('、')}` : '';
	throw new BuildStop(`${failure.label} 失败（${failure.how}）${also}`);
}
