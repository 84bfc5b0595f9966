import 'reflect-metadata';
import { Graph } from '@cartograph/core';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function main() {
  const app = await NestFactory.create(AppModule);
  // SIGTERM / SIGINT run onApplicationShutdown, which closes the driver.
  app.enableShutdownHooks();
  await app.get(Graph).installSchema();
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port);
  process.stdout.write(`People API on http://localhost:${port}/people\n`);
}

void main();
