import { Injectable } from '@nestjs/common';

/** The time, behind a seam so tests can move it (session expiry, lockout windows). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
