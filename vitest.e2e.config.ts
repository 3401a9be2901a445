import { defineConfig } from 'vitest/config';

// End-to-end tests drive Chromium against the built dist/ (run `npm run build` first).
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// Each file starts its own Chromium; on two cores they are faster one after another.
		fileParallelism: false,
	},
});
