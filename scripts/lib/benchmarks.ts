/** Shared by the bench scripts: the machine description and BENCHMARKS.md section updates. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export function machineLine(): string {
	const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
	return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
}

/** Replace (or append) the `## title` section of BENCHMARKS.md. */
export function writeBenchmarkSection(title: string, body: string): void {
	const path = 'BENCHMARKS.md';
	let text = existsSync(path)
		? readFileSync(path, 'utf8')
		: "# Benchmarks\n\nFigures measured on this project's machines; each section says how to reproduce it.\n";
	const section = `## ${title}\n\n${body}\n`;
	const pattern = new RegExp(`## ${title}\\n[\\s\\S]*?(?=\\n## |$)`);
	text = pattern.test(text) ? text.replace(pattern, section) : `${text.trimEnd()}\n\n${section}`;
	writeFileSync(path, text);
}
