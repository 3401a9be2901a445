/** metadata.ts splitPlaceName: the units of an issuing body's name (issue 9 §2 item 14). */
import { describe, expect, it } from 'vitest';
import { splitPlaceName } from '../../../src/lib/report/metadata.ts';

describe('splitPlaceName', () => {
	it.each([
		['三门峡市陕州区原店镇人民政府', '原店镇', '镇', '陕州区', '三门峡市'],
		['青阳县城南街道办事处', '城南街道', '街道', '青阳县', null],
		['城关办事处', '城关办事处', '街道', null, null],
		['宁远县漯(luò)河镇人民政府', '漯河镇', '镇', '宁远县', null],
		['河曲县旧县镇人民政府', '旧县镇', '镇', '河曲县', null],
		['新丰县人民政府', null, null, '新丰县', null],
		['慈利县审计局', null, null, '慈利县', null],
		['汉阴县住房和城乡建设局', null, null, '汉阴县', null],
		['三门峡市陕州区发展和改革局', null, null, '陕州区', '三门峡市'],
		['神木市城市管理局', null, null, '神木市', null],
		['政府信息公开工作', null, null, null, null],
	])('%s', (name, township, kind, county, prefecture) => {
		expect(splitPlaceName(name)).toMatchObject({
			township,
			townshipKind: kind,
			county,
			prefecture,
		});
	});
});
