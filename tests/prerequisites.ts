// What the test suites need from the machine. A developer may run without a browser or PostgreSQL
// and be told what skips; under CI=true a missing prerequisite fails the run, because a suite that
// skips there would let the route walk, the accessibility checks or the second engine go untested.

/** Says that `what` is missing: a warning locally, a thrown error (failing the suite) under CI=true. */
export function reportMissing(what: string, howToGet: string, skipped: string): void {
	if (process.env.CI === 'true') {
		throw new Error(`CI: ${what} is missing (${howToGet}), so ${skipped} cannot run; under CI=true nothing may skip.`);
	}
	console.warn(`${skipped} skipped: ${what} is missing (${howToGet}).`);
}
