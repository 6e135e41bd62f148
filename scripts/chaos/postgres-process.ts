/** The embedded PostgreSQL as a process of its own, so `npm run chaos` can stop and restart it. Args: DATA_DIR PORT. */
import { startEmbeddedPostgres } from '../../platform/embedded-postgres.ts';

const [dataDir, port] = process.argv.slice(2);
if (dataDir === undefined || port === undefined) throw new Error('usage: postgres-process.ts DATA_DIR PORT');
const pg = await startEmbeddedPostgres({ dataDir, port: Number(port) });
console.log(`postgres ready ${pg.url}`);
const stop = () => {
  void pg.stop().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
