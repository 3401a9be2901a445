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
		// A district whose own name starts with 市, after its prefecture's 市: never 济南市市 / 中区.
		['济南市市中区舜玉路街道办事处', '舜玉路街道', '街道', '市中区', '济南市'],
		['枣庄市市中区孟庄镇人民政府', '孟庄镇', '镇', '市中区', '枣庄市'],
		['内江市市中区白马镇人民政府', '白马镇', '镇', '市中区', '内江市'],
		['青岛市市南区八大关街道', '八大关街道', '街道', '市南区', '青岛市'],
		['济南市市中区人民政府', null, null, '市中区', '济南市'],
		['济南市市中区审计局', null, null, '市中区', '济南市'],
		// 市 inside a name: 沙市区, and the county-level city 津市市 (nothing after it is a unit).
		['荆州市沙市区立新街道办事处', '立新街道', '街道', '沙市区', '荆州市'],
		['常德市津市市白衣镇人民政府', '白衣镇', '镇', '津市市', '常德市'],
		['常德市津市市人民政府', null, null, '津市市', '常德市'],
		['北京市通州区宋庄镇人民政府', '宋庄镇', '镇', '通州区', null],
		// A department whose name starts with 市 after a county-level city: not 神木市市.
		['神木市市场监督管理局', null, null, '神木市', null],
		['榆林市神木市市政管理局', null, null, '神木市', '榆林市'],
	])('%s', (name, township, kind, county, prefecture) => {
		expect(splitPlaceName(name)).toMatchObject({
			township,
			townshipKind: kind,
			county,
			prefecture,
		});
	});
});

describe('splitPlaceName with the province printed first', () => {
	it.each([
		// 州 inside the province name: never 贵州 / 省贵阳市.
		['贵州省贵阳市南明区新华路街道办事处', '新华路街道', '南明区', '贵阳市', '贵州省'],
		[
			'贵州省黔东南苗族侗族自治州凯里市大十字街道',
			'大十字街道',
			'凯里市',
			'黔东南苗族侗族自治州',
			'贵州省',
		],
		['贵州省息烽县永靖镇人民政府', '永靖镇', '息烽县', null, '贵州省'],
		['贵州省贵阳市南明区审计局', null, '南明区', '贵阳市', '贵州省'],
		['贵州省人民政府', null, null, null, '贵州省'],
		// A county whose name starts with 市 right after the province: never 山东省市 / 南区.
		['山东省市南区八大关街道办事处', '八大关街道', '市南区', null, '山东省'],
		['四川省市中区白马镇人民政府', '白马镇', '市中区', null, '四川省'],
		['山东省济南市市中区舜玉路街道办事处', '舜玉路街道', '市中区', '济南市', '山东省'],
		// Provinces and prefectures holding other unit words, as before.
		[
			'内蒙古自治区锡林郭勒盟锡林浩特市希日塔拉街道',
			'希日塔拉街道',
			'锡林浩特市',
			'锡林郭勒盟',
			'内蒙古自治区',
		],
		['广东省广州市越秀区北京街道', '北京街道', '越秀区', '广州市', '广东省'],
		[
			'新疆维吾尔自治区伊犁哈萨克自治州伊宁市墩买里街道',
			'墩买里街道',
			'伊宁市',
			'伊犁哈萨克自治州',
			'新疆维吾尔自治区',
		],
		// A province named below a county is part of the township's own name.
		['绵阳市游仙区四川省科学城春雷街道', '四川省科学城春雷街道', '游仙区', '绵阳市', null],
	])('%s', (name, township, county, prefecture, province) => {
		expect(splitPlaceName(name)).toMatchObject({ township, county, prefecture, province });
	});
});
