import { describe, expect, it } from 'vitest';
import { distPartOf, reportCount } from '../../../scripts/lib/dist-size.ts';

describe('distPartOf', () => {
	it('counts report pages by township code and year, not the directory pages under /townships/p/', () => {
		expect(distPartOf('townships/110109106/2022/index.html')).toBe('report pages');
		expect(distPartOf('townships/110109106/2022/record.json.gz')).toBe('record.json(.gz)');
		expect(distPartOf('townships/110109106/index.html')).toBe('township pages');
		// The township directory's per-prefix pages (townships/p/<4 digits>/) are not reports.
		expect(distPartOf('townships/p/1301/index.html')).toBe('other pages and files');
		expect(distPartOf('townships/p/13/index.html')).toBe('other pages and files');
		expect(
			reportCount([
				['townships/110109106/2022/index.html', 1],
				['townships/p/1301/index.html', 1],
			]),
		).toBe(1);
	});
});
