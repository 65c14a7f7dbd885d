import {
  Anchor,
  AppShell,
  Box,
  Burger,
  Button,
  Container,
  Group,
  NavLink,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { NotificationBell } from '../notifications/notification-bell';
import { HeaderSearch } from '../search/header-search';
import classes from './app-layout.module.css';
import { useDocumentTitleFromHeading } from './document-title';
import { LanguageSelect } from './language-select';

const NAVBAR_ID = 'main-navigation';
const MAIN_ID = 'main-content';

export function AppLayout() {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [navOpened, nav] = useDisclosure(false);
  const closeNav = nav.close;

  // On a phone the navigation covers the page: close it once the reader has picked a page.
  useEffect(() => closeNav(), [location.pathname, closeNav]);
  useDocumentTitleFromHeading(MAIN_ID);

  const handleSignOut = () => {
    void signOut().then(() => navigate('/sign-in', { replace: true }));
  };

  const links = [
    { to: '/networks', label: t('nav.networks') },
    { to: '/library', label: t('nav.library') },
    { to: '/search', label: t('nav.search') },
    { to: '/organisation', label: t('nav.organisation') },
    { to: '/settings', label: t('nav.settings') },
  ];

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={
        user ? { width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } } : undefined
      }
      padding="md"
    >
      <AppShell.Header data-print="hide">
        <Anchor href={`#${MAIN_ID}`} className={classes.skipLink}>
          {t('app.skipToContent')}
        </Anchor>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            {user && (
              <Burger
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpened ? t('app.closeNavigation') : t('app.openNavigation')}
                aria-expanded={navOpened}
                aria-controls={NAVBAR_ID}
              />
            )}
            <Anchor component={Link} to="/" fw={700} fz="lg" c="inherit" underline="never">
              {t('app.name')}
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {user && (
              <Box visibleFrom="sm">
                <HeaderSearch />
              </Box>
            )}
            {user && <NotificationBell />}
            <LanguageSelect />
            {user && (
              <Group gap="sm" wrap="nowrap" visibleFrom="sm">
                <Text size="sm" title={t('app.signedInAs', { name: user.displayName })}>
                  {user.displayName}
                </Text>
                <Button variant="default" size="xs" onClick={handleSignOut}>
                  {t('nav.signOut')}
                </Button>
              </Group>
            )}
          </Group>
        </Group>
      </AppShell.Header>

      {user && (
        <AppShell.Navbar
          p="sm"
          id={NAVBAR_ID}
          aria-label={t('app.mainNavigation')}
          data-print="hide"
        >
          <Stack gap={4}>
            {links.map((link) => (
              <NavLink
                key={link.to}
                component={Link}
                to={link.to}
                label={link.label}
                active={location.pathname.startsWith(link.to)}
                aria-current={location.pathname.startsWith(link.to) ? 'page' : undefined}
                // Also when the link leads to the page already shown.
                onClick={closeNav}
              />
            ))}
          </Stack>
          <Box hiddenFrom="sm" mt="lg">
            <Text size="sm" c="dimmed" mb="xs">
              {t('app.signedInAs', { name: user.displayName })}
            </Text>
            <Button variant="default" fullWidth onClick={handleSignOut}>
              {t('nav.signOut')}
            </Button>
          </Box>
        </AppShell.Navbar>
      )}

      <AppShell.Main id={MAIN_ID} tabIndex={-1} className={classes.main}>
        <Container size="md" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
