import 'reflect-metadata';
import { connectOptionsFromEnv, ENVIRONMENT_VARIABLES } from '@cartograph/core';
import { CartographModule, GraphHealthIndicator } from '@cartograph/nestjs';
import { Controller, Get, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { HealthCheck, HealthCheckService, TerminusModule } from '@nestjs/terminus';
import { PeopleModule } from './people.module';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly neo4j: GraphHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.neo4j.isHealthy('neo4j')]);
  }
}

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true }),
    // The connection comes from the environment through @nestjs/config (NEO4J_URI, NEO4J_USERNAME...).
    CartographModule.forRootAsync({
      inject: [ConfigService],
      // The one options type of Graph.connect, read from the variables of docs/configuration.md
      // and validated (a bad value fails start-up with a ConfigurationError naming the variable).
      useFactory: (config: ConfigService) =>
        connectOptionsFromEnv(
          Object.fromEntries(
            Object.keys(ENVIRONMENT_VARIABLES).map((name) => [name, config.get<string>(name)]),
          ),
        ),
    }),
    TerminusModule,
    PeopleModule,
  ],
  controllers: [HealthController],
})
export class AppModule {}
