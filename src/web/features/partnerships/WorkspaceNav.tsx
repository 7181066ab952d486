import { Anchor, Box, Button, Menu, Skeleton, UnstyledButton } from "@mantine/core";
import { Link } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import type { PartnershipDetail } from "../../../core/partnerships.js";
import { sectionsFor, type WorkspaceSection } from "./workspaceSections.js";
import "./workspace-nav.css";

function Chevron() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M3.5 6l4.5 4.5L12.5 6"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

const href = (slug: string, section: WorkspaceSection) =>
  section.path ? `/p/${slug}/${section.path}` : `/p/${slug}`;

interface Props {
  partnership: PartnershipDetail;
  /** The section the page belongs to ("" for the overview, "meetings"...). */
  current: string;
}

/**
 * The frame of every workspace page: the partnership's name (except on its overview, whose
 * heading is the name) and its sections, those the caller may see. A bar of tabs on a laptop; below
 * 62em (phones, and tablets, where a convener's nine tabs would not fit) one menu button that
 * names where the person is.
 */
export function WorkspaceNav({ partnership: p, current }: Props) {
  const intl = useIntl();
  const { bar, more } = sectionsFor(p.permissions);
  const all = [...bar, ...more];
  const here = all.find((s) => s.path === current);
  const inMore = more.some((s) => s.path === current);

  const menuItem = (s: WorkspaceSection) => (
    <Menu.Item
      key={s.path}
      component={Link}
      to={href(p.slug, s)}
      aria-current={s.path === current ? "page" : undefined}
      className="workspace-menu-item"
    >
      {intl.formatMessage(s.label)}
    </Menu.Item>
  );

  return (
    <div className="workspace-frame">
      {current !== "" && (
        <Anchor component={Link} to={`/p/${p.slug}`} className="workspace-name" underline="hover">
          {p.name}
        </Anchor>
      )}
      <nav
        aria-label={intl.formatMessage({
          id: "partnerships.workspace.navLabel",
          defaultMessage: "Workspace",
        })}
        className="workspace-nav"
      >
        <Box visibleFrom="md" className="workspace-bar">
          <ul className="workspace-tabs">
            {bar.map((s) => (
              <li key={s.path}>
                <Link
                  to={href(p.slug, s)}
                  className="workspace-tab"
                  aria-current={s.path === current ? "page" : undefined}
                >
                  {intl.formatMessage(s.label)}
                </Link>
              </li>
            ))}
            {more.length > 0 && (
              <li>
                <Menu position="bottom-end" shadow="md" width={240}>
                  <Menu.Target>
                    <UnstyledButton className="workspace-tab" data-active={inMore || undefined}>
                      {inMore && here ? (
                        intl.formatMessage(here.label)
                      ) : (
                        <FormattedMessage id="partnerships.workspace.more" defaultMessage="More" />
                      )}{" "}
                      <Chevron />
                    </UnstyledButton>
                  </Menu.Target>
                  <Menu.Dropdown>{more.map(menuItem)}</Menu.Dropdown>
                </Menu>
              </li>
            )}
          </ul>
        </Box>
        <Box hiddenFrom="md">
          <Menu position="bottom-start" shadow="md" width="target">
            <Menu.Target>
              <Button
                variant="default"
                fullWidth
                justify="space-between"
                rightSection={<Chevron />}
                className="workspace-menu-button"
              >
                <FormattedMessage
                  id="partnerships.workspace.menuButton"
                  defaultMessage="Workspace: {section}"
                  values={{
                    section: intl.formatMessage(
                      here?.label ?? { id: "partnerships.workspace.overview", defaultMessage: "Overview" },
                    ),
                  }}
                />
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {bar.map(menuItem)}
              {more.length > 0 && (
                <>
                  <Menu.Divider />
                  <Menu.Label>
                    <FormattedMessage id="partnerships.workspace.more" defaultMessage="More" />
                  </Menu.Label>
                  {more.map(menuItem)}
                </>
              )}
            </Menu.Dropdown>
          </Menu>
        </Box>
      </nav>
    </div>
  );
}

/** Holds the frame's place while the partnership loads, so the page below does not jump. */
export function WorkspaceNavSkeleton() {
  return (
    <div className="workspace-frame" aria-hidden="true">
      <Skeleton height={38} radius="md" />
    </div>
  );
}
