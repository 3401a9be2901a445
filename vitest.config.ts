import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts'],
		// Property tests parse hundreds of reports per test; on a busy two-core machine that can take
		// longer than vitest's 5 s default. Speed is measured by the benchmarks, never asserted here.
		testTimeout: 60_000,
	},
});
