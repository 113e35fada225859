import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { changePasswordRequestSchema, loginRequestSchema } from '@sunlight/contracts';
import { type Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { type Actor } from '../../common/actor';
import { AllowedBeforePasswordChange, CurrentActor, LoginRateLimited, Public } from '../../common/decorators';
import { clientIp, type SunlightRequest } from '../../common/request-context';
import { ABSOLUTE_TIMEOUT_MS, SESSION_COOKIE } from '../sessions/sessions.service';
import { AuthService } from './auth.service';
import { CookiePolicy } from './cookie-policy';

class LoginDto extends createZodDto(loginRequestSchema) {}
class ChangePasswordDto extends createZodDto(changePasswordRequestSchema) {}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: CookiePolicy,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @LoginRateLimited()
  async login(
    @Body() body: LoginDto,
    @Req() req: SunlightRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { token, session } = await this.auth.login(body.username, body.password, clientIp(req));
    res.cookie(SESSION_COOKIE, token, { ...this.cookies.options(), maxAge: ABSOLUTE_TIMEOUT_MS });
    return session;
  }

  @Post('logout')
  @AllowedBeforePasswordChange()
  @HttpCode(204)
  async logout(
    @CurrentActor() actor: Actor,
    @Req() req: SunlightRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.auth.logout(actor, req.sessionRecord!);
    res.clearCookie(SESSION_COOKIE, this.cookies.options());
  }

  @Get('me')
  @AllowedBeforePasswordChange()
  me(@CurrentActor() actor: Actor, @Req() req: SunlightRequest) {
    return this.auth.me(actor, req.sessionRecord!);
  }

  @Post('password')
  @AllowedBeforePasswordChange()
  @HttpCode(200)
  changePassword(@CurrentActor() actor: Actor, @Req() req: SunlightRequest, @Body() body: ChangePasswordDto) {
    return this.auth.changePassword(actor, req.sessionRecord!, body.currentPassword, body.newPassword);
  }
}
