import { Inject, Injectable } from '@nestjs/common';
import { type CookieOptions } from 'express';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

/** httpOnly so scripts never see the session; SameSite=Lax plus the CSRF header guard against forgery. */
@Injectable()
export class CookiePolicy {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  options(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.config.cookieSecure, path: '/' };
  }
}
