import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import type { ApiClient } from './api/api-client';
import { ApiClientProvider } from './api/api-context';
import { AuthProvider } from './auth/auth-context';
import { RequireAuth } from './auth/require-auth';
import { ForgotPasswordPage } from './auth/forgot-password-page';
import { ResetPasswordPage } from './auth/reset-password-page';
import { SignInPage } from './auth/sign-in-page';
import { VerifyEmailPage } from './auth/verify-email-page';
import { SignUpPage } from './auth/sign-up-page';
import { ChannelPage } from './channels/channel-page';
import { EntryFormPage } from './curation/entry-form';
import { EntryPage } from './curation/entry-page';
import { EntryVersionPage } from './curation/entry-version-page';
import { ThreadPage } from './discussions/thread-page';
import { InvitationPage } from './invitations/invitation-page';
import { AppLayout } from './layout/app-layout';
import { NotFoundPage } from './layout/not-found-page';
import { CaseStudyFormPage } from './library/case-study-form';
import { CaseStudyPage } from './library/case-study-page';
import { LibraryPage } from './library/library-page';
import { MentoringPage } from './mentoring/mentoring-page';
import { PairingPage } from './mentoring/pairing-page';
import { ResearchFormPage } from './library/research-form';
import { ResearchPage } from './library/research-page';
import { CreateNetworkPage } from './networks/create-network-page';
import { NetworkPage } from './networks/network-page';
import { NetworksPage } from './networks/networks-page';
import { OrganisationPage } from './organisations/organisation-page';
import { RealtimeProvider } from './realtime/realtime-context';
import { createSocket as createRealSocket, type SocketFactory } from './realtime/socket';
import { SearchPage } from './search/search-page';
import { AuditLogPage } from './moderation/audit-log-page';
import { ModerationQueuePage } from './moderation/moderation-queue-page';
import { ModerationRedirect } from './moderation/moderation-redirect';
import { SettingsPage } from './settings/settings-page';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});

export interface AppServices {
  api: ApiClient;
  queryClient: QueryClient;
  i18n: i18n;
  /** 'test' turns off Mantine's transitions and portals. */
  env?: 'default' | 'test';
  /** Makes the real-time socket; tests hand in a fake. */
  createSocket?: SocketFactory;
}

/** Everything a screen needs around it; the router is left to the caller (browser or memory). */
export function AppProviders({
  api,
  queryClient,
  i18n,
  env,
  createSocket = createRealSocket,
  children,
}: AppServices & { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} env={env} defaultColorScheme="light">
        <Notifications position="top-center" />
        <QueryClientProvider client={queryClient}>
          <ApiClientProvider client={api}>
            <AuthProvider>
              <RealtimeProvider createSocket={createSocket}>{children}</RealtimeProvider>
            </AuthProvider>
          </ApiClientProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/sign-up" element={<SignUpPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/verify-email" element={<VerifyEmailPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<Navigate to="/networks" replace />} />
          <Route path="/organisation" element={<OrganisationPage />} />
          <Route path="/networks" element={<NetworksPage />} />
          <Route path="/networks/new" element={<CreateNetworkPage />} />
          <Route path="/networks/:slug" element={<NetworkPage />} />
          <Route path="/channels/:channelId" element={<ChannelPage />} />
          <Route path="/threads/:threadId" element={<ThreadPage />} />
          <Route path="/invitations/:token" element={<InvitationPage />} />
          <Route path="/library" element={<LibraryPage />} />
          <Route path="/library/research/new" element={<ResearchFormPage />} />
          <Route path="/library/research/:id" element={<ResearchPage />} />
          <Route path="/library/research/:id/edit" element={<ResearchFormPage />} />
          <Route path="/library/case-studies/new" element={<CaseStudyFormPage />} />
          <Route path="/library/case-studies/:id" element={<CaseStudyPage />} />
          <Route path="/library/case-studies/:id/edit" element={<CaseStudyFormPage />} />
          <Route path="/search" element={<SearchPage />} />
          <Route path="/networks/:slug/mentoring" element={<MentoringPage />} />
          <Route path="/pairings/:pairingId" element={<PairingPage />} />
          <Route path="/entries/:id" element={<EntryPage />} />
          <Route path="/entries/:id/edit" element={<EntryFormPage />} />
          <Route path="/entries/:id/versions/:version" element={<EntryVersionPage />} />
          <Route path="/networks/:slug/moderation" element={<ModerationQueuePage />} />
          <Route path="/networks/:slug/audit-log" element={<AuditLogPage />} />
          <Route path="/moderation/:networkId" element={<ModerationRedirect />} />
          <Route path="/settings" element={<SettingsPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
