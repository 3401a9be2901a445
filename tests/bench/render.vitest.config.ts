/// <reference types="vitest/config" />
/**
 * `npx vitest run --config tests/bench/render.vitest.config.ts`: renders the report page's
 * heaviest components (Tables 2–4, the source lines) with Astro's container API and prints the
 * CPU time per report (tests/bench/report-render.bench-run.ts). A benchmark, not part of npm test.
 */
import { getViteConfig } from 'astro/config';

export default getViteConfig({
	test: {
		include: [process.env.RENDER_FILE ?? 'tests/bench/report-render.bench-run.ts'],
		testTimeout: 600_000,
	},
});
