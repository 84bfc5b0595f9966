// `with-neo4j <command...>`: runs a command with NEO4J_URI/USERNAME/PASSWORD set to a server that
// lives exactly as long as the command (demos and benchmarks use it).
import { spawn } from 'node:child_process';
import { startNeo4j } from '../start-neo4j';

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error('usage: with-neo4j <command> [args...]');
  const server = await startNeo4j();
  try {
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: {
        ...process.env,
        NEO4J_URI: server.uri,
        NEO4J_USERNAME: server.username,
        NEO4J_PASSWORD: server.password,
      },
    });
    return await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
