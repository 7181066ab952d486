import { Link, useLocation } from "react-router";
import { useMe } from "../features/auth/api.js";

interface Props {
  onNavigate?: () => void;
  vertical?: boolean;
}

interface Item {
  to: string;
  label: string;
  active: (path: string) => boolean;
}

/** The primary navigation; the current section is marked with aria-current="page". */
export function NavLinks({ onNavigate, vertical = false }: Props) {
  const me = useMe();
  const { pathname } = useLocation();
  // Few, stable entries so the bar fits on one line; personal pages live in the account menu.
  const items: Item[] = [
    {
      to: "/partnerships",
      label: "Directory",
      active: (p) => p.startsWith("/partnerships") || (p.startsWith("/p/") && !me.data),
    },
    { to: "/resources", label: "Resources", active: (p) => p.startsWith("/resources") },
    { to: "/events", label: "Events", active: (p) => p === "/events" || p.startsWith("/events/") },
  ];
  if (me.data) {
    items.push(
      { to: "/discussions", label: "Discussions", active: (p) => p.startsWith("/discussions") },
      { to: "/me", label: "My partnerships", active: (p) => p === "/me" },
    );
  }
  items.push(
    {
      to: "/results",
      label: "Results",
      active: (p) => p === "/results" || p === "/themes" || p.startsWith("/profiles"),
    },
    { to: "/next-gen-check", label: "Is it Next Gen?", active: (p) => p === "/next-gen-check" },
  );
  if (me.data?.isAdmin) {
    items.push({ to: "/admin", label: "Admin", active: (p) => p === "/admin" || p.startsWith("/admin/") });
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
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
