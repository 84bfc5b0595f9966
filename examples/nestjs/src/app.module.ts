import 'reflect-metadata';
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
      useFactory: (config: ConfigService) => ({
        url: config.getOrThrow<string>('NEO4J_URI'),
        auth: {
          username: config.get<string>('NEO4J_USERNAME', 'neo4j'),
          password: config.getOrThrow<string>('NEO4J_PASSWORD'),
        },
        database: config.get<string>('NEO4J_DATABASE'),
      }),
    }),
    TerminusModule,
    PeopleModule,
  ],
  controllers: [HealthController],
})
export class AppModule {}
