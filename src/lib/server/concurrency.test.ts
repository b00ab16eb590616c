import { describe, expect, it } from 'vitest';
import { concurrencyLimit } from './concurrency';

/** A task whose end the test decides, recording how many tasks were running at its start. */
function controlledTasks() {
	let running = 0;
	let most = 0;
	const order: number[] = [];
	const finishers: (() => void)[] = [];
	const task = (id: number) => () =>
		new Promise<number>((resolve, reject) => {
			running++;
			most = Math.max(most, running);
			order.push(id);
			finishers[id] = () => {
				running--;
				if (id === 2) reject(new Error('task 2 failed'));
				else resolve(id);
			};
		});
	return { task, finish: (id: number) => finishers[id](), started: () => [...order], most: () => most };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('concurrencyLimit', () => {
	it('runs at most the limit at once, the rest in arrival order, and frees a place when a task fails', async () => {
		expect.hasAssertions();
		const gate = concurrencyLimit(2);
		const tasks = controlledTasks();
		const results = [0, 1, 2, 3, 4].map((id) => gate(tasks.task(id)).catch((e: Error) => e.message));
		await settle();
		expect(tasks.started()).toEqual([0, 1]);
		tasks.finish(1);
		await settle();
		expect(tasks.started()).toEqual([0, 1, 2]);
		tasks.finish(2);
		await settle();
		expect(tasks.started()).toEqual([0, 1, 2, 3]);
		for (const id of [0, 3]) tasks.finish(id);
		await settle();
		tasks.finish(4);
		expect(await Promise.all(results)).toEqual([0, 1, 'task 2 failed', 3, 4]);
		expect(tasks.most()).toBe(2);
	});
});
