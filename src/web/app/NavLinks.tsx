import { Link, useLocation } from "react-router";
import { defineMessages, useIntl } from "react-intl";
import { useMe } from "../features/auth/api.js";

interface Props {
  onNavigate?: () => void;
  vertical?: boolean;
}

const labels = defineMessages({
  directory: { id: "shell.nav.directory", defaultMessage: "Directory" },
  resources: { id: "shell.nav.resources", defaultMessage: "Resources" },
  events: { id: "shell.nav.events", defaultMessage: "Events" },
  discussions: { id: "shell.nav.discussions", defaultMessage: "Discussions" },
  myPartnerships: { id: "shell.nav.myPartnerships", defaultMessage: "My partnerships" },
  results: { id: "shell.nav.results", defaultMessage: "Results" },
  nextGenCheck: { id: "shell.nav.nextGenCheck", defaultMessage: "Is it Next Gen?" },
  admin: { id: "shell.nav.admin", defaultMessage: "Admin" },
});

interface Item {
  to: string;
  label: keyof typeof labels;
  active: (path: string) => boolean;
}

/** The primary navigation; the current section is marked with aria-current="page". */
export function NavLinks({ onNavigate, vertical = false }: Props) {
  const me = useMe();
  const intl = useIntl();
  const { pathname } = useLocation();
  // Few, stable entries so the bar fits on one line; personal pages live in the account menu.
  const items: Item[] = [
    {
      to: "/partnerships",
      label: "directory",
      active: (p) => p.startsWith("/partnerships") || (p.startsWith("/p/") && !me.data),
    },
    { to: "/resources", label: "resources", active: (p) => p.startsWith("/resources") },
    { to: "/events", label: "events", active: (p) => p === "/events" || p.startsWith("/events/") },
  ];
  if (me.data) {
    items.push(
      { to: "/discussions", label: "discussions", active: (p) => p.startsWith("/discussions") },
      { to: "/me", label: "myPartnerships", active: (p) => p === "/me" },
    );
  }
  items.push(
    {
      to: "/results",
      label: "results",
      active: (p) => p === "/results" || p === "/themes" || p.startsWith("/profiles"),
    },
    { to: "/next-gen-check", label: "nextGenCheck", active: (p) => p === "/next-gen-check" },
  );
  if (me.data?.isAdmin) {
    items.push({ to: "/admin", label: "admin", active: (p) => p === "/admin" || p.startsWith("/admin/") });
  }
  return (
    <ul className={vertical ? "nav-list nav-list-vertical" : "nav-list"}>
      {items.map((item) => (
        <li key={item.to}>
          <Link
            to={item.to}
            className="nav-link"
            aria-current={item.active(pathname) ? "page" : undefined}
            onClick={onNavigate}
          >
            {intl.formatMessage(labels[item.label])}
          </Link>
        </li>
      ))}
    </ul>
  );
}
