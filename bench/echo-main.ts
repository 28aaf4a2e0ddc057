import { loadConfig } from '../bot/config';
import { createEchoServer } from './echo-server';

// Entry point of the echo bot for the cold-start benchmark: started like `npm start` (PORT, HOST from
// the environment), so both processes are measured from spawn to a ready /healthz the same way.

if (require.main === module) {
  const config = loadConfig(process.env);
  const server = createEchoServer(config);
  server.listen(config.PORT, config.HOST);
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
