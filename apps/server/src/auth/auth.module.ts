import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, AppConfig } from '../platform/config/configuration';
import { MailModule } from '../platform/mail/mail.module';
import { UsersModule } from '../users/users.module';
import { AccountSettingsService } from './account-settings.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { EmailVerificationService } from './email-verification.service';
import { JwtStrategy } from './jwt.strategy';
import { MeController } from './me.controller';
import { PasswordConfirmation } from './password-confirmation';
import { PasswordResetService } from './password-reset.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SessionLiveness } from './session-liveness';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    PassportModule,
    UsersModule,
    MailModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, made once: jsonwebtoken would otherwise try the string as a PEM key on
        // every signature and verification (see JwtStrategy).
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: { algorithm: 'HS256', expiresIn: config.accessTokenTtlSeconds },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, MeController],
  providers: [
    AuthService,
    SessionsService,
    PasswordConfirmation,
    PasswordResetService,
    EmailVerificationService,
    AccountSettingsService,
    JwtStrategy,
    SessionLiveness,
    RefreshTokensRepository,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [AuthService, JwtModule],
})
export class AuthModule {}
