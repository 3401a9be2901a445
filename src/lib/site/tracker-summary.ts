/**
 * The tracker's summary line: how much of the counties it reaches the collection covers, as
 * township × year slots (one report per township per year), from a fixed template.
 */
import type { Tracker } from './tracker.ts';

export interface TrackerSummary {
	counties: number;
	townships: number;
	/** Townships with at least one report here. */
	townshipsWithReports: number;
	slots: number;
	published: number;
	text: string;
}

export function trackerSummary(tracker: Tracker): TrackerSummary {
	const counties = tracker.counties.length;
	const all = tracker.counties.flatMap((c) => c.townships);
	const townships = all.length;
	const townshipsWithReports = all.filter((t) => t.reports.size > 0).length;
	const slots = townships * tracker.years.length;
	const published = all.reduce(
		(n, t) => n + tracker.years.filter((y) => t.reports.has(y)).length,
		0,
	);
	const span =
		tracker.years.length === 0
			? ''
			: tracker.years.length === 1
				? `${tracker.years[0]} 年`
				: `${tracker.years[0]}–${tracker.years[tracker.years.length - 1]} 年`;
	const text =
		counties === 0
			? '本站还没有收录报告。'
			: `已收录报告的 ${counties} 个区县共有 ${townships} 个乡镇（街道），本站收录了其中 ${townshipsWithReports} 个的报告；按每个乡镇每年一份计，${span}共 ${slots} 份，已收录 ${published} 份。`;
	return { counties, townships, townshipsWithReports, slots, published, text };
}
