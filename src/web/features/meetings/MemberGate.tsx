import type { ReactNode } from "react";
import { Anchor, Card, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import type { PartnershipDetail } from "../../../core/partnerships.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import NotFoundPage from "../errors/NotFoundPage.js";
import { usePartnership } from "../partnerships/api.js";

interface Props {
  /** "Meetings", "Health"...: the page's name in the reader's language, used in titles and messages. */
  what: string;
  children: (p: PartnershipDetail) => ReactNode;
}

/**
 * The partnership of the page's :slug, shown only to its members (and community admins): loads it,
 * asks strangers to sign in, and tells non-members why they cannot see the page.
 */
export function MemberGate({ what, children }: Props) {
  const intl = useIntl();
  const { slug } = useParams();
  const me = useMe();
  const partnership = usePartnership(slug);
  const p = partnership.data;
  const titleOf = (name: string) =>
    intl.formatMessage({ id: "meetings.gate.title", defaultMessage: "{what}: {name}" }, { what, name });
  usePageTitle(p ? titleOf(p.name) : what);

  if (partnership.isPending || me.isPending) {
    return (
      <PageSkeleton
        label={intl.formatMessage(
          { id: "meetings.gate.loading", defaultMessage: "Loading {what}" },
          { what: what.toLocaleLowerCase(intl.locale) },
        )}
      />
    );
  }
  if (partnership.error instanceof ApiError && partnership.error.status === 404) return <NotFoundPage />;
  if (!p) return <ErrorAlert error={partnership.error} onRetry={() => void partnership.refetch()} />;
  if (!me.data) {
    return (
      <SignInPrompt
        title={titleOf(p.name)}
        reason={intl.formatMessage({
          id: "meetings.gate.signInReason",
          defaultMessage: "This page is for the people of this partnership. Sign in to see it.",
        })}
      />
    );
  }
  if (!p.permissions.viewMembers) {
    return (
      <Card maw={620} mx="auto" p="xl">
        <Title order={1} fz={24} mb="sm">
          {titleOf(p.name)}
        </Title>
        <Text c="dimmed">
          <FormattedMessage
            id="meetings.gate.notMember"
            defaultMessage="Only members of this partnership can see this page. Ask a convener for an invitation."
          />{" "}
          <Anchor component={Link} to={`/p/${p.slug}`}>
            <FormattedMessage id="meetings.gate.backToProfile" defaultMessage="Back to the profile" />
          </Anchor>
        </Text>
      </Card>
    );
  }
  return <>{children(p)}</>;
}
