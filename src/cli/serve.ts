import type { Command } from 'commander';
import pino from 'pino';
import { loadConfig } from '../config.js';
import { startServer } from '../main.js';
import { createServices } from '../services/index.js';
import { UsageError } from './context.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the web server (loads the demo corpus into an empty library unless --no-demo)')
    .option('--port <n>', 'port to listen on (default: PORT or 3000)')
    .option('--host <address>', 'address to bind (default: HOST or 127.0.0.1)')
    .option('--no-demo', 'do not load the demo corpus into an empty library')
    .action(async (flags: { port?: string; host?: string; demo: boolean }) => {
      const config = loadConfig();
      const port = flags.port === undefined ? config.port : Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError('--port must be a whole number from 0 to 65535');
      const logger = pino({ level: config.logLevel });
      const services = await createServices(config, logger, { parseInWorkers: true });
      if (config.uploadsEnabled)
        logger.warn(
          'uploads are on and open to anyone who can reach the service (SLH_UPLOADS=off to turn them off)',
        );
      const app = await startServer(services, { port, host: flags.host ?? config.host, demo: flags.demo });
      const address = app.server.address();
      const shown =
        typeof address === 'object' && address
          ? `http://${address.address === '::' ? 'localhost' : address.address}:${address.port}`
          : String(address);
      logger.info(
        `Safeguarding Learning Hub is running at ${shown} (${services.db.dialect}: ${services.db.location})`,
      );
    });
}
