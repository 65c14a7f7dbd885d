import { Inject, Injectable } from '@nestjs/common';
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
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): Actor | false {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return false;
    return { userId: claims.sub, sessionId: claims.sid };
  }
}
