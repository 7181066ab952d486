import { Anchor, Card, Stack } from "@mantine/core";
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
  usePageTitle(slug ? "Edit event" : "Plan an event");
  if (me.isPending || (slug && event.isPending)) return <PageSkeleton />;
  if (!me.data?.isAdmin) {
    return <SignInPrompt title="Events" reason="Sign in as a community admin to plan and edit events." />;
  }
  if (slug && !event.data) return <ErrorAlert error={event.error} onRetry={() => void event.refetch()} />;
  return (
    <Stack gap="lg" maw={900}>
      <Anchor component={Link} to={slug ? `/events/${slug}` : "/events"} size="sm">
        ← {slug ? "Back to the event" : "All events"}
      </Anchor>
      <PageHeader
        title={slug ? `Edit: ${event.data?.title ?? ""}` : "Plan an event"}
        description="Members register on the event page; when it is full, a waitlist moves up automatically."
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
