import { Graph, UniquePropertyError } from '@cartograph/core';
import { CartographModule, InjectModel, Transactional } from '@cartograph/nestjs';
import {
  type ArgumentsHost,
  Body,
  Catch,
  Controller,
  type ExceptionFilter,
  Get,
  Module,
  NotFoundException,
  Param,
  Post,
  UseFilters,
} from '@nestjs/common';
import { Company, Person } from './models';

interface PersonBody {
  email: string;
  name: string;
}

/** Cartograph's unique-constraint error as HTTP 409. */
@Catch(UniquePropertyError)
class UniqueFilter implements ExceptionFilter {
  catch(error: UniquePropertyError, host: ArgumentsHost) {
    host
      .switchToHttp()
      .getResponse<{ status(code: number): { json(body: unknown): void } }>()
      .status(409)
      .json({ statusCode: 409, message: error.message });
  }
}

const view = (person: Person) => ({ uid: person.uid, email: person.email, name: person.name });

@Controller('people')
@UseFilters(UniqueFilter)
export class PeopleController {
  constructor(
    @InjectModel(Person) private readonly people: typeof Person,
    private readonly graph: Graph,
  ) {}

  @Post()
  async create(@Body() body: PersonBody) {
    return view(await this.people.create({ email: body.email, name: body.name }));
  }

  /** All or nothing: one duplicate e-mail and none of the people are created. */
  @Post('batch')
  @Transactional()
  async createMany(@Body() body: PersonBody[]) {
    const created: Person[] = [];
    for (const person of body) created.push(await this.people.create(person));
    return created.map(view);
  }

  @Get()
  async list() {
    return (await this.people.nodes.orderBy('email').all()).map(view);
  }

  @Get(':email')
  async get(@Param('email') email: string) {
    const person = await this.people.nodes.getOrNull({ email });
    if (!person) throw new NotFoundException(`No person with e-mail ${email}`);
    const company = await person.employer.single();
    return { ...view(person), employer: company?.name ?? null };
  }

  /** Hires a person at a company, creating the company when it is new: one transaction. */
  @Post(':email/employer')
  @Transactional()
  async hire(@Param('email') email: string, @Body() body: { company: string }) {
    const person = await this.people.nodes.getOrNull({ email });
    if (!person) throw new NotFoundException(`No person with e-mail ${email}`);
    const company =
      (await Company.nodes.getOrNull({ name: body.company })) ??
      (await Company.create({ name: body.company }));
    await person.employer.replace(company);
    return { email, employer: company.name, inTransaction: this.graph.hasActiveTransaction() };
  }
}

@Module({
  imports: [CartographModule.forFeature([Person, Company])],
  controllers: [PeopleController],
})
export class PeopleModule {}
