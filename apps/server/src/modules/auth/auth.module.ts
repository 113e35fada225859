import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CookiePolicy } from './cookie-policy';
import { LoginThrottleRepository } from './login-throttle.repository';
import { SessionGuard } from './session.guard';

@Module({
  imports: [SessionsModule, UsersModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    CookiePolicy,
    LoginThrottleRepository,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
})
export class AuthModule {}
