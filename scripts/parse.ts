/**
 * `npm run parse -- FILE...`: print each report's canonical record as JSON on stdout.
 * A FILE may be plain text, a saved web page, a PDF or a .docx (src/lib/report/extract/).
 * One file → one JSON object; several → a JSON array. A file that cannot be read or is
 * not a report gets one curator line on stderr (`file:1:1 error rule-id 原因；怎么办`) and a
 * non-zero exit.
 */
import { readFileSync } from 'node:fs';
import { quoteFileName } from '../src/lib/ingest/diagnostics.ts';
import { readReport, ReportRejection } from '../src/lib/report/index.ts';

// `npm run -s parse -- FILE | head`: a reader that stops early ends us quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	throw error;
});

/** The rule id and Chinese message of a file that is refused or cannot be read; null for a bug. */
function refusal(error: unknown): { ruleId: string; message: string } | null {
	if (error instanceof ReportRejection) return { ruleId: error.ruleId, message: error.message };
	if (error instanceof Error && 'code' in error) {
		const code = String(error.code);
		const what =
			code === 'ENOENT'
				? '文件不存在'
				: code === 'EISDIR'
					? '这是一个文件夹，不是文件'
					: code === 'EACCES' || code === 'EPERM'
						? '没有读取权限'
						: '文件无法读取';
		return {
			ruleId: 'file-unreadable',
			message: `${what}（${code}）；请检查文件名、路径和读取权限`,
		};
	}
	return null;
}

const files = process.argv.slice(2);
if (files.length === 0) {
	console.error('用法：npm run parse -- 文件…（usage: npm run parse -- FILE...）');
	process.exit(2);
}
const records = [];
let failed = 0;
for (const file of files) {
	try {
		records.push(await readReport(readFileSync(file), { file }));
	} catch (error) {
		failed++;
		const refused = refusal(error);
		if (!refused) {
			console.error(
				`${quoteFileName(file)}:1:1 error parser-crash 解析出错，请报告这个问题并附上文件`,
			);
			throw error;
		}
		console.error(`${quoteFileName(file)}:1:1 error ${refused.ruleId} ${refused.message}`);
	}
}
if (records.length > 0)
	process.stdout.write(JSON.stringify(files.length === 1 ? records[0] : records, null, 2) + '\n');
process.exitCode = failed > 0 ? 1 : 0;
