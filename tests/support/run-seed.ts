/**
 * One random seed per test run for the property tests, next to their fixed seeds: the fixed ones
 * keep every run comparable, the random one explores new cases each run. It is printed, and is in
 * each test's name, so a failure replays with `PROPERTY_SEED=<seed> npx vitest run tests/unit/property`.
 */
const fromEnv = Number(process.env['PROPERTY_SEED']);

export const RUN_SEED = Number.isInteger(fromEnv)
	? fromEnv
	: Math.floor(Math.random() * 0x7fffffff);

console.log(
	`property tests: random seed ${RUN_SEED} (replay: PROPERTY_SEED=${RUN_SEED} npx vitest run tests/unit/property)`,
);
