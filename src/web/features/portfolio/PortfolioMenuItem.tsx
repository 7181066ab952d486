import { Menu } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { FormattedMessage } from "react-intl";
import { coordinatorsApi, myScopesKey } from "../coordinators/api.js";

/**
 * "Portfolio" in the account menu, for the community admin and for people with a coordinator
 * scope. Rendered inside the menu's dropdown, so the scopes are asked for only when it opens.
 */
export function PortfolioMenuItem({ isAdmin }: { isAdmin: boolean }) {
  const scopes = useQuery({
    queryKey: myScopesKey,
    queryFn: ({ signal }) => coordinatorsApi.mine(signal),
    enabled: !isAdmin,
  });
  if (!isAdmin && !scopes.data?.scopes.length) return null;
  return (
    <Menu.Item component={Link} to="/portfolio">
      <FormattedMessage id="shell.account.portfolio" defaultMessage="Portfolio" />
    </Menu.Item>
  );
}
