import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { unauthorized } from '@tandem/domain';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Actor } from '../platform/http/actor';
import { APP_CONFIG, AppConfig } from '../platform/config/configuration';
import { isUuid } from '../platform/http/validation';
import { SessionLiveness } from './session-liveness';
import type { AccessTokenClaims } from './tokens';

/**
 * Bearer access tokens: HS256 only (the algorithm is pinned, so `alg: none` is refused), and
 * only while their sign-in session lives: signing out, a detected token theft or deleting the
 * account revokes the session, and its access tokens stop working at once rather than at
 * expiry (the socket handshake checks the same).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: SessionLiveness,
  ) {
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

  async validate(claims: AccessTokenClaims): Promise<Actor | false> {
    // Signed by us, but only well-formed claims may reach SQL (a bad uuid would be a 22P02).
    if (!isUuid(claims.sub) || !isUuid(claims.sid)) return false;
    const live = await this.sessions.isLive(claims.sid, claims.sub);
    if (!live) throw unauthorized('This session has ended; sign in again');
    return { userId: claims.sub, sessionId: claims.sid };
  }
}
