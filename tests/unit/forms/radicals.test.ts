/** Radicals a PDF writer put in place of ideographs come back as the ideographs. */
import { describe, expect, it } from 'vitest';
import { unifyRadicals } from '../../../src/lib/report/extract/radicals.ts';

describe('unifyRadicals', () => {
	it('maps Kangxi radicals (NFKC) and Radicals Supplement forms (table) to ideographs', () => {
		expect(unifyRadicals('⼀、⼯作⼈员 宁远县⽩⻢镇⼈⺠政府 ⻔户⽹站')).toBe(
			'一、工作人员 宁远县白马镇人民政府 门户网站',
		);
	});
	it('leaves everything else alone (full-width digits stay)', () => {
		expect(unifyRadicals('２０２４年，本机关')).toBe('２０２４年，本机关');
	});
});
