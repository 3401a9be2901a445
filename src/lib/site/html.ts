/**
 * Escaping for the few pieces of a report page written as HTML strings instead of component
 * instances (table cells, source lines: hundreds per page, where Astro's per-instance cost was
 * most of the build, issue 12). Text and attribute values only; never markup from a report.
 */

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

/** Text or a quoted attribute value, safe to put between tags or inside "…". */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
