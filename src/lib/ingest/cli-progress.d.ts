// The part of cli-progress 3.12 that progress.ts uses (the package ships no types).
declare module 'cli-progress' {
	interface BarOptions {
		stream?: { write(text: string): unknown };
		format?: string;
		hideCursor?: boolean;
		clearOnComplete?: boolean;
	}
	class SingleBar {
		constructor(options: BarOptions, preset?: object);
		start(total: number, startValue: number, payload?: Record<string, unknown>): void;
		increment(step?: number, payload?: Record<string, unknown>): void;
		stop(): void;
	}
	const cliProgress: { SingleBar: typeof SingleBar; Presets: { shades_classic: object } };
	export default cliProgress;
}
