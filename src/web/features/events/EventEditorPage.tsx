import { Anchor, Card, Stack } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { useEvent } from "./api.js";
import { EventFiles } from "./EventFiles.js";
import { EventForm } from "./EventForm.js";

/** `/events/new` plans an event; `/events/:slug/edit` edits one (community admins). */
export default function EventEditorPage() {
  const { slug = "" } = useParams();
  const me = useMe();
  const event = useEvent(slug);
  const intl = useIntl();
  const planTitle = intl.formatMessage({ id: "events.editor.planTitle", defaultMessage: "Plan an event" });
  usePageTitle(
    slug
      ? intl.formatMessage({ id: "events.editor.editPageTitle", defaultMessage: "Edit event" })
      : planTitle,
  );
  if (me.isPending || (slug && event.isPending)) return <PageSkeleton />;
  if (!me.data?.isAdmin) {
    return (
      <SignInPrompt
        title={intl.formatMessage({ id: "events.editor.signInTitle", defaultMessage: "Events" })}
        reason={intl.formatMessage({
          id: "events.editor.signInReason",
          defaultMessage: "Sign in as a community admin to plan and edit events.",
        })}
      />
    );
  }
  if (slug && !event.data) return <ErrorAlert error={event.error} onRetry={() => void event.refetch()} />;
  return (
    <Stack gap="lg" maw={900}>
      <Anchor component={Link} to={slug ? `/events/${slug}` : "/events"} size="sm">
        {slug ? (
          <FormattedMessage id="events.editor.backToEvent" defaultMessage="← Back to the event" />
        ) : (
          <FormattedMessage id="events.editor.allEvents" defaultMessage="← All events" />
        )}
      </Anchor>
      <PageHeader
        title={
          slug
            ? intl.formatMessage(
                { id: "events.editor.editTitle", defaultMessage: "Edit: {title}" },
                { title: event.data?.title ?? "" },
              )
            : planTitle
        }
        description={intl.formatMessage({
          id: "events.editor.description",
          defaultMessage:
            "Members register on the event page; when it is full, a waitlist moves up automatically.",
        })}
      />
      <Card>
        <EventForm key={event.data?.version ?? "new"} event={slug ? event.data : undefined} />
      </Card>
      {slug && event.data && (
        <Card>
          <EventFiles event={event.data} />
        </Card>
      )}
    </Stack>
  );
}
