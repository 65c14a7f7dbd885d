import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Actor } from '../common/actor';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import type { AccessTokenClaims } from './tokens';

/** Bearer access tokens: HS256 only (the algorithm is pinned, so `alg: none` is refused). */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject made once, not the string: given a string, jsonwebtoken first tries to
      // parse it as a PEM public key on every verification (and throws, and catches), which
      // cost a tenth of the server's CPU on the posting path. It accepts a KeyObject as is; the
      // passport-jwt typings only predate that.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): Actor | false {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return false;
    return { userId: claims.sub, sessionId: claims.sid };
  }
}
