import { describe, expect, it } from 'vitest';
import { paragraphs, sourceLines } from '../../../src/lib/site/text.ts';

describe('paragraphs', () => {
	it('splits on blank lines and drops Markdown marks', () => {
		expect(paragraphs('**一是强化组织领导。**坚持……\n\n- (一) 原店镇按照\n\n\u3000\n')).toEqual([
			'一是强化组织领导。坚持……',
			'(一) 原店镇按照',
		]);
	});
});

describe('sourceLines', () => {
	it('numbers lines like the parser and ignores a final newline', () => {
		expect(sourceLines('a\r\nb\n\nc\n')).toEqual(['a', 'b', '', 'c']);
	});
});
