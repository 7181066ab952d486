import { ActionIcon, Indicator, VisuallyHidden } from "@mantine/core";
import { Link } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import { useMe } from "../auth/api.js";
import { useNotifications } from "./api.js";

/** The bell in the header: unread count, a link to the list. Small, no icon library. */
export function NotificationBell() {
  const intl = useIntl();
  const me = useMe();
  const list = useNotifications(!!me.data);
  if (!me.data) return null;
  const unread = list.data?.unread ?? 0;
  return (
    <Indicator
      label={unread > 99 ? "99+" : unread}
      size={18}
      disabled={unread === 0}
      color="red.8"
      offset={4}
    >
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="subtle"
        size="lg"
        aria-label={intl.formatMessage(
          { id: "notifications.bell.label", defaultMessage: "Notifications, {count} unread" },
          { count: unread },
        )}
      >
        <svg
          width="20"
          height="20"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden="true"
        >
          <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        <VisuallyHidden>
          <FormattedMessage id="notifications.bell.hidden" defaultMessage="Notifications" />
        </VisuallyHidden>
      </ActionIcon>
    </Indicator>
  );
}
