// The part of autocannon's API that bench/submit uses (the package ships no types).
declare module 'autocannon' {
	interface Options {
		url: string;
		method?: string;
		connections?: number;
		/** Seconds. */
		duration?: number;
		headers?: Record<string, string>;
		body?: string;
		/** Requests in all, instead of a duration. */
		amount?: number;
		/** Worker threads that send the requests (the calling thread stays free). */
		workers?: number;
	}
	interface Result {
		requests: { total: number; average: number };
		/** Milliseconds. */
		latency: { p50: number; p99: number };
		errors: number;
		timeouts: number;
		'2xx': number;
		'3xx': number;
		'4xx': number;
		'5xx': number;
	}
	export default function autocannon(options: Options): Promise<Result>;
}
