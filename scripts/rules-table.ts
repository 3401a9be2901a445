/**
 * `npm run docs:rules`: write the rule registry's curator table into README.md between its
 * markers, so the README lists exactly the rules the portal reports (tests/unit/model/rules.test.ts
 * fails when they differ).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { replaceRulesBlock } from '../src/lib/site/rule-docs.ts';

const file = new URL('../README.md', import.meta.url);
writeFileSync(file, replaceRulesBlock(readFileSync(file, 'utf8')));
console.log('README.md: rule table rewritten from src/lib/model/rules.ts');
