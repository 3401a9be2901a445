/** The report's original file (web page, PDF or Word), byte for byte, for reports whose text was derived from it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ReportEntry } from '../../../../lib/model/entry.ts';
import { originalExtension } from '../../../../lib/model/original.ts';
import { reportEntryPaths } from '../../../../lib/site/collection.ts';
import { originalContentType, readOriginal } from '../../../../lib/site/source-form.ts';

export const getStaticPaths = (async () =>
	(await reportEntryPaths()).flatMap((path) => {
		const ext = originalExtension(path.props.entry.record.source);
		return ext ? [{ params: { ...path.params, ext }, props: path.props }] : [];
	})) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, params }) => {
	const { entry } = props as { entry: ReportEntry };
	return new Response(new Uint8Array(readOriginal(entry)), {
		headers: { 'Content-Type': originalContentType(params.ext ?? '') },
	});
};
