/** The HTML pages of a build, and html-validate's verdict on them (integrity.test.ts, hostile.test.ts). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';

/** Every HTML file of a build, as [file, URL path]: dist/townships/x/index.html → /townships/x/. */
export function htmlPages(dist: string): [string, string][] {
	const walk = (dir: string): string[] =>
		readdirSync(dir).flatMap((f) => {
			const path = join(dir, f);
			return statSync(path).isDirectory() ? walk(path) : path.endsWith('.html') ? [path] : [];
		});
	return walk(dist)
		.filter((f) => !f.startsWith(join(dist, 'pagefind') + sep))
		.map(
			(f) =>
				[
					f,
					'/' +
						relative(dist, f)
							.split(sep)
							.join('/')
							.replace(/(^|\/)index\.html$/, '$1'),
				] as [string, string],
		)
		.sort((a, b) => a[1].localeCompare(b[1]));
}

/** Validates every page of `dist` with the repository's .htmlvalidate.json; one line per problem. */
export async function htmlProblems(dist: string): Promise<string[]> {
	const config = JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')) as ConfigData;
	const validator = new HtmlValidate(new StaticConfigLoader(config));
	const problems: string[] = [];
	for (const [file, path] of htmlPages(dist)) {
		const report = await validator.validateString(readFileSync(file, 'utf8'), file);
		for (const result of report.results)
			for (const m of result.messages)
				problems.push(`${path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
	}
	return problems;
}
