/**
 * The date the site was built, shown as 最后更新 on every page. SOURCE_DATE_EPOCH (seconds, the
 * reproducible-builds convention) fixes it, so two builds of the same content can be identical;
 * otherwise it is today's date. A day, not a time: builds of one day stay byte-identical.
 */
import { formatDate } from './format.ts';

export function buildDate(
	env: Record<string, string | undefined> = process.env,
	now: Date = new Date(),
): string {
	const epoch = env.SOURCE_DATE_EPOCH;
	const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
	return date.toISOString().slice(0, 10);
}

/** 2026年11月29日. */
export const buildDateText = (iso: string) => formatDate(iso) ?? iso;
