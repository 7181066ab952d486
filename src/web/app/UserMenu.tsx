import { Avatar, Button, Group, Menu, Skeleton, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { forgetPersonalCopies } from "../lib/offline.js";
import { Link, useLocation, useNavigate } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import { authApi, meKey, useMe } from "../features/auth/api.js";
import { errorMessage } from "../lib/api.js";
import { PortfolioMenuItem } from "../features/portfolio/PortfolioMenuItem.js";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p.charAt(0).toUpperCase())
    .join("");
}

export function UserMenu() {
  const me = useMe();
  const intl = useIntl();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useMutation({
    mutationFn: authApi.logout,
    onSuccess: async () => {
      queryClient.setQueryData(meKey, null);
      forgetPersonalCopies(queryClient);
      await queryClient.invalidateQueries();
      notifications.show({
        color: "table",
        message: intl.formatMessage({ id: "shell.account.signedOut", defaultMessage: "You are signed out." }),
      });
      void navigate("/");
    },
    onError: (err) => notifications.show({ color: "red", message: errorMessage(err) }),
  });

  if (me.isPending) return <Skeleton height={34} width={150} radius="md" />;

  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    const atAuth = location.pathname === "/signin" || location.pathname === "/signup";
    return (
      <Group gap="xs" wrap="nowrap">
        <Button component={Link} to={atAuth ? "/signin" : `/signin?next=${next}`} variant="subtle">
          <FormattedMessage id="shell.account.signIn" defaultMessage="Sign in" />
        </Button>
        <Button component={Link} to={atAuth ? "/signup" : `/signup?next=${next}`}>
          <FormattedMessage id="shell.account.signUp" defaultMessage="Sign up" />
        </Button>
      </Group>
    );
  }

  const user = me.data;
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton className="user-button">
          <Group gap={8} wrap="nowrap">
            <Avatar color="table" radius="xl" size={34} aria-hidden="true">
              {initials(user.name)}
            </Avatar>
            {/* The name is read after these words: "Account menu for Ana Ruiz". */}
            <VisuallyHidden>
              {intl.formatMessage({ id: "shell.account.menuFor", defaultMessage: "Account menu for" })}{" "}
            </VisuallyHidden>

            {/* The name shows on wide screens only; narrower, the initials leave room for the nav. */}
            <Text size="sm" fw={600} maw={140} truncate visibleFrom="xl" translate="no">
              {user.name}
            </Text>
            <VisuallyHidden hiddenFrom="xl" translate="no">
              {user.name}
            </VisuallyHidden>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item component={Link} to="/me">
          <FormattedMessage id="shell.account.myPartnerships" defaultMessage="My partnerships" />
        </Menu.Item>
        <Menu.Item component={Link} to="/me/plan">
          <FormattedMessage id="shell.account.myPlan" defaultMessage="My actions and meetings" />
        </Menu.Item>
        <Menu.Item component={Link} to="/me/scope">
          <FormattedMessage id="shell.account.myScope" defaultMessage="My scope" />
        </Menu.Item>
        <PortfolioMenuItem isAdmin={user.isAdmin} />
        <Menu.Item component={Link} to="/regions/teams">
          <FormattedMessage id="shell.account.regionalTeams" defaultMessage="Regional teams" />
        </Menu.Item>
        <Menu.Item component={Link} to="/people">
          <FormattedMessage id="shell.account.people" defaultMessage="People directory" />
        </Menu.Item>
        <Menu.Item component={Link} to="/me/account">
          <FormattedMessage id="shell.account.account" defaultMessage="Your account" />
        </Menu.Item>
        <Menu.Item component={Link} to="/me/account">
          <FormattedMessage id="shell.account.language" defaultMessage="Language" />
        </Menu.Item>
        <Menu.Item component={Link} to="/me/settings">
          <FormattedMessage id="shell.account.mailSettings" defaultMessage="E-mail settings" />
        </Menu.Item>
        {user.isAdmin && (
          <Menu.Item component={Link} to="/admin">
            <FormattedMessage id="shell.account.admin" defaultMessage="Community admin" />
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item onClick={() => logout.mutate()} disabled={logout.isPending}>
          <FormattedMessage id="shell.account.signOut" defaultMessage="Sign out" />
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
