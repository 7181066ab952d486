import { Suspense, useEffect, useRef } from "react";
import { Anchor, Box, Burger, Container, Drawer, Group, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Link, Outlet, useLocation } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import { AccountLocaleSync } from "../i18n/AccountLocaleSync.js";
import { LanguageMenu } from "../i18n/LanguageMenu.js";
import { PageSkeleton } from "../components/PageSkeleton.js";
import { Logo } from "./Logo.js";
import { useFits } from "./useFits.js";
import { NavLinks } from "./NavLinks.js";
import { UserMenu } from "./UserMenu.js";
import { NotificationBell } from "../features/notifications/NotificationBell.js";

/** Moves focus to the main region after client-side navigation, as a full page load would. */
function useFocusMainOnNavigate(main: React.RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [pathname, main]);
}

export function Shell() {
  const intl = useIntl();
  const [opened, { toggle, close }] = useDisclosure(false);
  const main = useRef<HTMLElement>(null);
  const nav = useRef<HTMLElement>(null);
  const navContent = useRef<HTMLDivElement>(null);
  const navFits = useFits(nav, navContent);
  useFocusMainOnNavigate(main);
  // Any navigation closes the phone's drawer, also from the account menu inside it.
  const { pathname, search } = useLocation();
  useEffect(close, [pathname, search, close]);

  return (
    <div className="app">
      <AccountLocaleSync />
      <a href="#main" className="skip-link">
        <FormattedMessage id="shell.skipLink" defaultMessage="Skip to main content" />
      </a>
      <header className="app-header">
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="md">
            <Group gap="lg" wrap="nowrap" className="header-start">
              <Anchor component={Link} to="/" underline="never" className="brand" c="inherit">
                <Logo />
                {/* The product's name, never translated (translate="no" tells tools and tests so). */}
                <Text component="span" fw={800} fz={20} lh={1} translate="no">
                  Shared Table
                </Text>
              </Anchor>
              {/* Shown when wide enough for every entry in the reader's language; otherwise kept
                  in place unseen, so it is measured again as the window grows, and the burger
                  opens the same entries in the drawer. */}
              <Box
                component="nav"
                ref={nav}
                aria-label={intl.formatMessage({ id: "shell.nav.main", defaultMessage: "Main" })}
                visibleFrom="lg"
                className={navFits ? "header-nav" : "header-nav header-nav-cut"}
                aria-hidden={navFits ? undefined : true}
              >
                <div ref={navContent} className="header-nav-content">
                  <NavLinks />
                </div>
              </Box>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <LanguageMenu />
              <NotificationBell />
              <Box visibleFrom="xs">
                <UserMenu />
              </Box>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom={navFits ? "lg" : undefined}
                aria-label={
                  opened
                    ? intl.formatMessage({ id: "shell.nav.close", defaultMessage: "Close navigation" })
                    : intl.formatMessage({ id: "shell.nav.open", defaultMessage: "Open navigation" })
                }
                aria-expanded={opened}
              />
            </Group>
          </Group>
        </Container>
      </header>
      <Drawer
        opened={opened}
        onClose={close}
        title={<span translate="no">Shared Table</span>}
        closeButtonProps={{
          "aria-label": intl.formatMessage({ id: "shell.drawer.close", defaultMessage: "Close" }),
        }}
        size="xs"
        hiddenFrom={navFits ? "lg" : undefined}
      >
        <nav aria-label={intl.formatMessage({ id: "shell.nav.mobile", defaultMessage: "Main (mobile)" })}>
          <NavLinks vertical onNavigate={close} />
        </nav>
        <Box mt="lg" hiddenFrom="xs">
          <UserMenu />
        </Box>
      </Drawer>
      <main id="main" ref={main} tabIndex={-1} className="app-main">
        <Container size="xl" py={{ base: "lg", sm: "xl" }}>
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </Container>
      </main>
      <footer className="app-footer">
        <Container size="xl">
          <Group justify="space-between" gap="md" py="lg">
            <Text size="sm" c="dimmed">
              <FormattedMessage
                id="shell.footer.about"
                defaultMessage="Shared Table: open-source software for Next Generation Sector Partnerships."
              />
            </Text>
            <Group gap="lg">
              <Anchor component={Link} to="/partnerships" size="sm">
                <FormattedMessage id="shell.footer.directory" defaultMessage="Directory" />
              </Anchor>
              <Anchor component={Link} to="/partnerships/new" size="sm">
                <FormattedMessage id="shell.footer.start" defaultMessage="Start a partnership" />
              </Anchor>
            </Group>
          </Group>
        </Container>
      </footer>
    </div>
  );
}
