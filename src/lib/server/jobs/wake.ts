// Waking the process's worker after a transaction queued work. The worker registers itself here,
// so code that queues work (services, the command line) need not import the handlers and all they
// import (mail rendering and its message catalogues, which only the built server can load).

let wakeWorker: (() => void) | undefined;

/** Called by the app worker as it starts (with its wake-up) and stops (with nothing). */
export function setWorkerWake(wake: (() => void) | undefined): void {
	wakeWorker = wake;
}

/** Ends the worker's idle wait: call after committing a transaction that queued work. */
export function wakeAppWorker(): void {
	wakeWorker?.();
}
