import { availableParallelism } from 'node:os';

/** Heavy work running side by side leaves one core free for everything else (at least 1). */
export const ALL_BUT_ONE_CORE = Math.max(1, availableParallelism() - 1);

/**
 * A gate that runs at most `limit` tasks at a time; the others wait their turn in arrival order.
 * A finishing task hands its place straight to the next one waiting.
 */
export function concurrencyLimit(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
	let running = 0;
	const waiting: (() => void)[] = [];
	return async (task) => {
		if (running < limit) running++;
		else await new Promise<void>((resolve) => waiting.push(resolve));
		try {
			return await task();
		} finally {
			const next = waiting.shift();
			if (next) next();
			else running--;
		}
	};
}
