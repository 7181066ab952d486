import { Badge, Group, Progress, Text, Tooltip } from "@mantine/core";
import type { MeetingSummary } from "../../../core/meetings.js";
import { FormattedMessage, useIntl } from "react-intl";

/** Business against public attendance, with the rule-1 flag when business was not the majority. */
export function AttendanceSummary({ meeting, size = "sm" }: { meeting: MeetingSummary; size?: "sm" | "md" }) {
  const intl = useIntl();
  const a = meeting.attendance;
  const total = a.business + a.public;
  if (total === 0) {
    return (
      <Text size="sm" c="dimmed">
        <FormattedMessage id="meetings.attendanceSummary.none" defaultMessage="No attendance recorded yet" />
      </Text>
    );
  }
  const businessPct = Math.round((a.business / total) * 100);
  return (
    <div>
      <Group gap="xs" justify="space-between" mb={4} wrap="wrap">
        <Text size={size}>
          <Text span fw={700} c="table.8">
            <FormattedMessage
              id="meetings.attendanceSummary.business"
              defaultMessage="{count} business"
              values={{ count: a.business }}
            />
          </Text>{" "}
          ·{" "}
          <Text span fw={700} c="gray.8">
            <FormattedMessage
              id="meetings.attendanceSummary.public"
              defaultMessage="{count} public"
              values={{ count: a.public }}
            />
          </Text>
          {a.guests > 0 && (
            <Text span c="dimmed">
              {" "}
              <FormattedMessage
                id="meetings.attendanceSummary.guests"
                defaultMessage="(incl. {count, plural, one {# guest} other {# guests}})"
                values={{ count: a.guests }}
              />
            </Text>
          )}
        </Text>
        {meeting.lacksBusinessMajority ? (
          <Tooltip
            label={intl.formatMessage({
              id: "meetings.attendanceSummary.majorityTip",
              defaultMessage: "Business leaders should outnumber public partners at partnership meetings",
            })}
          >
            <Badge color="red.9" variant="filled" radius="sm" tt="none">
              <FormattedMessage
                id="meetings.attendanceSummary.noMajority"
                defaultMessage="No business majority"
              />
            </Badge>
          </Tooltip>
        ) : (
          a.businessMajority && (
            <Badge color="table" variant="light" radius="sm" tt="none" c="table.9">
              <FormattedMessage id="meetings.attendanceSummary.majority" defaultMessage="Business majority" />
            </Badge>
          )
        )}
      </Group>
      <Progress.Root size={size === "md" ? 14 : 8} aria-hidden>
        <Progress.Section value={businessPct} color="table.7" />
        <Progress.Section value={100 - businessPct} color="gray.4" />
      </Progress.Root>
      <Text size="xs" c="dimmed" mt={2}>
        <FormattedMessage
          id="meetings.attendanceSummary.businessShare"
          defaultMessage="{share}% business"
          values={{ share: businessPct }}
        />
      </Text>
    </div>
  );
}
