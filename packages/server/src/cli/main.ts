import { Command, InvalidArgumentError, Option } from 'commander';
import { rmSync } from 'node:fs';
import { ROLES } from '@linia/engine';
import { loadConfig, type ConfigOverrides } from '../config.ts';
import { startServer } from '../server.ts';
import { migrate, openDatabase } from '../db/index.ts';
import { seedDemo } from '../demo/seed.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/demoCenter.ts';
import { createUser } from './createUser.ts';
import { registerPlanCommands } from './plan.ts';
import { registerSimulateCommand } from './simulate.ts';

const port = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number 0–65535');
  return n;
};

const dataOption = () => new Option('--data <dir>', 'folder of the embedded database (ignored when DATABASE_URL is set)').env('LINIA_DATA');

type Common = { data?: string };
const overrides = (o: Common): ConfigOverrides => (o.data ? { dataDir: o.data } : {});

/** Opens the configured database, migrated, for a one-shot command. */
async function withDatabase<T>(o: Common, work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) {
  const db = await openDatabase(loadConfig(overrides(o)).database);
  try {
    await migrate(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

const program = new Command('linia')
  .description('Linia — open-source contact-center platform')
  .showHelpAfterError();

program
  .command('start')
  .description('run the server (migrates the database; seeds the demo center on first start)')
  .addOption(new Option('-p, --port <port>', 'HTTP port').argParser(port).env('PORT').default(8080))
  .addOption(new Option('--host <host>', 'address to listen on').env('HOST').default('0.0.0.0'))
  .addOption(dataOption())
  .option('--fresh', 'wipe the embedded database folder first (demo and tests)')
  .option('--no-demo', 'do not seed the demo center on first start')
  .action(async (o: Common & { port: number; host: string; fresh?: boolean; demo: boolean }) => {
    const config = loadConfig({ ...overrides(o), port: o.port, host: o.host, seedDemo: o.demo });
    if (o.fresh && config.database.kind === 'pglite' && config.database.dataDir) {
      rmSync(config.database.dataDir, { recursive: true, force: true });
    }
    const server = await startServer(config);
    const shutdown = () => void server.stop().then(() => process.exit(0));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    console.log(`\nLinia is running at ${server.url}  (database: ${server.db.kind})`);
    if (server.seeded) {
      console.log(`Demo contact center seeded. Every demo login has the password "${DEMO_PASSWORD}":`);
      for (const u of DEMO_USERS) console.log(`  ${u.login.padEnd(10)} ${u.role.padEnd(19)} ${u.name}`);
    }
    console.log(`API docs: ${server.url}/api/v1/docs\n`);
  });

program
  .command('migrate')
  .description('apply database migrations and exit')
  .addOption(dataOption())
  .action(async (o: Common) => {
    await withDatabase(o, async () => {});
    console.log('Database is up to date.');
  });

program
  .command('demo')
  .description('reset the demo contact center (deletes its data and seeds it anew)')
  .addOption(dataOption())
  .action(async (o: Common) => {
    await withDatabase(o, seedDemo);
    console.log(`Demo center reset. Logins: ${DEMO_USERS.map((u) => u.login).join(', ')}; password "${DEMO_PASSWORD}".`);
  });

program
  .command('user')
  .description('manage users')
  .command('create')
  .description('create a user (e.g. the first administrator of a new organization)')
  .requiredOption('--login <login>', 'sign-in name')
  .requiredOption('--name <name>', 'full name')
  .addOption(new Option('--role <role>', 'role').choices(ROLES).makeOptionMandatory())
  .addOption(new Option('--password <password>', 'password (at least 8 characters)').env('LINIA_PASSWORD').makeOptionMandatory())
  .option('--tenant <slug>', 'organization; created when missing', 'demo')
  .option('--tenant-name <name>', 'name of the organization when it is created')
  .option('--client <id>', 'client id (for a client viewer)')
  .addOption(dataOption())
  .action(async (o: Common & Parameters<typeof createUser>[1]) => {
    const user = await withDatabase(o, (db) => createUser(db, o));
    console.log(JSON.stringify(user));
  });

registerPlanCommands(program);
registerSimulateCommand(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
