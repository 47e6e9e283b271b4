import { startServer } from './start';

/** `npm run server`: the central server alone. Port from PORT (8080); PostgreSQL when DATABASE_URL is set. */
async function main() {
  const env = process.env;
  const server = await startServer({ env, demo: env.SABAQ_DEMO === '1' });
  if (server.demo) {
    process.stdout.write(`sabaq-server: demo school created (${server.demo.schools.map((s) => `${s.pupils} pupils`).join(', ')}); password for every demo account: ${server.demo.password}\n`);
  }
  process.stdout.write(`sabaq-server: ready at ${server.url} (${server.location.kind === 'postgres' ? 'PostgreSQL' : `SQLite ${server.location.filename}`})\n`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: Error & { code?: string }) => {
  process.stderr.write(`sabaq-server: cannot start: ${describeStartError(err)}\n`);
  process.exit(1);
});

function describeStartError(err: Error & { code?: string; address?: string; port?: number }): string {
  if (err.code === 'ECONNREFUSED' || err.code === 'ENOTFOUND' || err.code === 'ETIMEDOUT' || err.code === '28P01' || err.code === '3D000') {
    return `the database in DATABASE_URL cannot be reached (${err.code}: ${err.message.split('\n')[0]})`;
  }
  if (err.code === 'EADDRINUSE') return `port ${err.port ?? ''} is already in use (set PORT)`;
  return err.message.split('\n')[0] ?? String(err);
}
