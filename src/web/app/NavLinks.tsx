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
  const items: Item[] = [
    {
      to: "/partnerships",
      label: "Directory",
      active: (p) => p === "/" || p === "/partnerships" || (p.startsWith("/p/") && !me.data),
    },
    {
      to: "/partnerships/new",
      label: "Start a partnership",
      active: (p) => p === "/partnerships/new",
    },
    { to: "/next-gen-check", label: "Is it Next Gen?", active: (p) => p === "/next-gen-check" },
    { to: "/results", label: "Results", active: (p) => p === "/results" },
  ];
  if (me.data) items.push({ to: "/me", label: "My partnerships", active: (p) => p === "/me" });
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
