import { Button, Card, Stack, Text, Timeline } from "@mantine/core";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import { historyName } from "../../../core/members.js";
import type { PartnershipDetail } from "../../../core/partnerships.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { formatDateTime } from "../../lib/format.js";
import { MemberGate } from "../meetings/MemberGate.js";
import { useActivity } from "./api.js";
import { FollowButton } from "./FollowButton.js";

const words = defineMessages({
  title: { id: "activity.page.title", defaultMessage: "Activity" },
});

function ActivityView({ p }: { p: PartnershipDetail }) {
  const intl = useIntl();
  const activity = useActivity(p.id);
  const items = activity.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage(words.title)}
        description={intl.formatMessage(
          { id: "activity.page.description", defaultMessage: "What happened at {name}, and who did it." },
          { name: p.name },
        )}
        actions={<FollowButton partnershipId={p.id} />}
      />
      {activity.isPending ? (
        <PageSkeleton
          label={intl.formatMessage({ id: "activity.page.loading", defaultMessage: "Loading the timeline" })}
        />
      ) : activity.isError ? (
        <ErrorAlert error={activity.error} onRetry={() => void activity.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage id="activity.page.empty" defaultMessage="Nothing has happened yet." />
        </Text>
      ) : (
        <Card
          component="section"
          aria-label={intl.formatMessage({ id: "activity.page.timelineLabel", defaultMessage: "Timeline" })}
        >
          <Timeline bulletSize={14} lineWidth={2} color="table" active={items.length}>
            {items.map((item) => (
              <Timeline.Item key={item.id} title={item.summary}>
                <Text size="sm" c="dimmed">
                  {formatDateTime(item.createdAt)}
                  {item.actor ? ` · ${historyName({ name: item.actor, former: item.actorFormer })}` : ""}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
          {activity.hasNextPage && (
            <Button
              variant="default"
              mt="md"
              onClick={() => void activity.fetchNextPage()}
              loading={activity.isFetchingNextPage}
            >
              <FormattedMessage id="activity.page.showOlder" defaultMessage="Show older" />
            </Button>
          )}
        </Card>
      )}
    </Stack>
  );
}

export default function ActivityPage() {
  const intl = useIntl();
  return <MemberGate what={intl.formatMessage(words.title)}>{(p) => <ActivityView p={p} />}</MemberGate>;
}
