import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  createUserRequestSchema,
  idSchema,
  updateUserRequestSchema,
  userListQuerySchema,
} from '@sunlight/contracts';
import { createZodDto, ZodValidationPipe } from 'nestjs-zod';
import { type Actor } from '../../common/actor';
import { CurrentActor, Roles } from '../../common/decorators';
import { UsersService } from './users.service';

class UserListQueryDto extends createZodDto(userListQuerySchema) {}
class CreateUserDto extends createZodDto(createUserRequestSchema) {}
class UpdateUserDto extends createZodDto(updateUserRequestSchema) {}
const idPipe = new ZodValidationPipe(idSchema);

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Anyone signed in, within their own subtrees (e.g. an editor picking a colleague). */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() q: UserListQueryDto) {
    return this.users.list(actor, q);
  }

  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto) {
    return this.users.create(actor, body);
  }

  @Patch(':id')
  @Roles('admin')
  update(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number, @Body() body: UpdateUserDto) {
    return this.users.update(actor, id, body);
  }

  @Post(':id/reset-password')
  @Roles('admin')
  resetPassword(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number) {
    return this.users.resetPassword(actor, id);
  }
}
