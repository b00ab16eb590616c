// A second app process's job worker, for the kill -9 test of store rebuilds (segment-rebuild.test.ts):
// opens the database named by SATINDEX_TEST_DB (and SATINDEX_TEST_SCHEMA on PostgreSQL), runs the
// rebuild jobs and prints the id of each job as it starts, so the test knows when to kill it.
import { analysisRebuildHandler } from '../../src/lib/server/analysis/rebuild-job';
import { createDb } from '../../src/lib/server/db/create-db';
import { JobWorker } from '../../src/lib/server/jobs/worker';

const { db } = createDb(process.env.SATINDEX_TEST_DB, { searchPath: process.env.SATINDEX_TEST_SCHEMA || undefined });
const rebuild = analysisRebuildHandler(db);
const announced = { ...rebuild, run: (job: Parameters<typeof rebuild.run>[0]) => (console.log(`started ${job.id}`), rebuild.run(job)) };
new JobWorker(db, [announced], { batchSize: 1, pollMs: 50, leaseMs: 60_000 }).start();
