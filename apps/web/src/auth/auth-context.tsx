import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuthResponse, UserView } from '@tandem/domain';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { isLanguage } from '../i18n/i18n';
import { queryKeys } from '../api/query-client';
import * as authApi from './auth-api';
import type { SignUpInput } from './auth-api';
import { proactiveRefreshDelay } from './proactive-refresh';
import type { Session } from './session-store';

export interface AuthState {
  session: Session | null;
  /** Undefined while loading, or when signed out. */
  user: UserView | undefined;
  userError: Error | null;
  retryUser: () => void;
  signIn: (email: string, password: string) => Promise<UserView>;
  signUp: (input: SignUpInput) => Promise<UserView>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const { t, i18n } = useTranslation();
  const session = useSyncExternalStore(api.subscribeSession, api.readSession, api.readSession);

  const me = useQuery({
    queryKey: queryKeys.me,
    queryFn: () => authApi.getMe(api),
    enabled: session !== null,
    staleTime: 60_000,
  });

  // Nothing cached for one account may be shown to the next one on this device.
  const hadSession = useRef(session !== null);
  useEffect(() => {
    if (hadSession.current && session === null) queryClient.clear();
    hadSession.current = session !== null;
  }, [session, queryClient]);

  useEffect(() => {
    const stopExpired = api.onSessionExpired(() => {
      notifications.show({ color: 'yellow', message: t('errors.sessionEnded') });
    });
    const stopUser = api.onUser((user) => queryClient.setQueryData(queryKeys.me, user));
    return () => {
      stopExpired();
      stopUser();
    };
  }, [api, queryClient, t]);

  const expiresAt = session?.accessTokenExpiresAt;
  useEffect(() => {
    if (!expiresAt) return undefined;
    const timer = window.setTimeout(
      () => {
        // A failure here is harmless: the next request's 401 refreshes (or signs out) anyway.
        api.refreshSession().catch(() => undefined);
      },
      proactiveRefreshDelay(expiresAt, Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [api, expiresAt]);

  const accept = useCallback(
    (response: AuthResponse): UserView => {
      queryClient.setQueryData(queryKeys.me, response.user);
      // Signing in, on any device, brings the account's language (also its mail's); a choice
      // made afterwards on screen is saved back to the account (useSaveLanguage).
      if (isLanguage(response.user.locale) && response.user.locale !== i18n.resolvedLanguage) {
        void i18n.changeLanguage(response.user.locale);
      }
      return response.user;
    },
    [queryClient, i18n],
  );

  const signIn = useCallback(
    async (email: string, password: string) => accept(await authApi.signIn(api, email, password)),
    [api, accept],
  );

  const signUp = useCallback(
    async (input: SignUpInput) => accept(await authApi.signUp(api, input)),
    [api, accept],
  );

  const signOut = useCallback(() => authApi.signOut(api), [api]);
  const refetchMe = me.refetch;
  const retryUser = useCallback(() => void refetchMe(), [refetchMe]);

  const value = useMemo<AuthState>(
    () => ({
      session,
      user: session ? me.data : undefined,
      userError: session ? me.error : null,
      retryUser,
      signIn,
      signUp,
      signOut,
    }),
    [session, me.data, me.error, retryUser, signIn, signUp, signOut],
  );

  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth needs an AuthProvider above it');
  return state;
}
