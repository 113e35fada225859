import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createDepartmentRequestSchema, idSchema, updateDepartmentRequestSchema } from '@sunlight/contracts';
import { createZodDto, ZodValidationPipe } from 'nestjs-zod';
import { type Actor } from '../../common/actor';
import { CurrentActor, Roles } from '../../common/decorators';
import { DepartmentsService } from './departments.service';

class CreateDepartmentDto extends createZodDto(createDepartmentRequestSchema) {}
class UpdateDepartmentDto extends createZodDto(updateDepartmentRequestSchema) {}

@ApiTags('departments')
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.departments.list(actor);
  }

  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() body: CreateDepartmentDto) {
    return this.departments.create(actor, body);
  }

  @Patch(':id')
  @Roles('admin')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', new ZodValidationPipe(idSchema)) id: number,
    @Body() body: UpdateDepartmentDto,
  ) {
    return this.departments.update(actor, id, body);
  }
}
