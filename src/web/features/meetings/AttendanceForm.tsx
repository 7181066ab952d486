import { useMemo, useState } from "react";
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import type { Meeting } from "../../../core/meetings.js";
import { historyName, type Member } from "../../../core/members.js";
import { lacksBusinessMajority, summarizeAttendance } from "../../../core/meeting-time.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { meetingKey, meetingsApi, meetingsKey } from "./api.js";
import { AttendanceSummary } from "./AttendanceSummary.js";
import { recordWords } from "./messages.js";

interface Guest {
  key: number;
  name: string;
  organization: string;
  sector: "business" | "public";
}

/** Someone who can be ticked: a member today, or a former member who came back then. */
type Tickable = Pick<Member, "personId" | "name" | "organization" | "sector"> & { former?: boolean };

function PeopleColumn({
  title,
  people,
  picked,
  toggle,
}: {
  title: string;
  people: Tickable[];
  picked: Set<string>;
  toggle: (id: string) => void;
}) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" fw={700} mb="xs">
        <FormattedMessage
          id="meetings.attendance.columnLegend"
          defaultMessage="{title} ({picked} of {total})"
          values={{
            title,
            picked: people.filter((m) => picked.has(m.personId)).length,
            total: people.length,
          }}
        />
      </Text>
      <ScrollArea.Autosize mah={380} type="auto" offsetScrollbars>
        <Stack gap={6}>
          {people.map((m) => (
            <Checkbox
              key={m.personId}
              checked={picked.has(m.personId)}
              onChange={() => toggle(m.personId)}
              label={historyName({ name: m.name, former: m.former ?? false })}
              description={m.organization ?? undefined}
            />
          ))}
          {people.length === 0 && (
            <Text size="sm" c="dimmed">
              <FormattedMessage id="meetings.attendance.nobody" defaultMessage="Nobody yet." />
            </Text>
          )}
        </Stack>
      </ScrollArea.Autosize>
    </fieldset>
  );
}

/** Who came: tick members, add walk-in guests; the business share updates as you tick. */
export function AttendanceForm({ meeting, members }: { meeting: Meeting; members: Member[] }) {
  const intl = useIntl();
  const sectorOptions = [
    {
      value: "business",
      label: intl.formatMessage({ id: "meetings.attendance.sectorBusiness", defaultMessage: "Business" }),
    },
    {
      value: "public",
      label: intl.formatMessage({ id: "meetings.attendance.sectorPublic", defaultMessage: "Public partner" }),
    },
  ];
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState(() => new Set(meeting.attendees.map((a) => a.personId)));
  const [guests, setGuests] = useState<Guest[]>(() =>
    meeting.guests.map((g, i) => ({ key: i, name: g.name, organization: g.organization, sector: g.sector })),
  );
  const [nextKey, setNextKey] = useState(meeting.guests.length);
  const [problem, setProblem] = useState<string | null>(null);
  // Former members who attended stay on the record; they can be unticked but not added anew.
  const people = useMemo<Tickable[]>(() => {
    const current = new Set(members.map((m) => m.personId));
    return [...members, ...meeting.attendees.filter((a) => a.former && !current.has(a.personId))];
  }, [members, meeting.attendees]);
  const business = people.filter((m) => m.sector === "business");
  const publicPeople = people.filter((m) => m.sector === "public");

  const preview = useMemo(() => {
    const chosen = people.filter((m) => picked.has(m.personId));
    const summary = summarizeAttendance(chosen, guests);
    return {
      ...meeting,
      attendance: summary,
      lacksBusinessMajority: lacksBusinessMajority(meeting.kind, summary),
    };
  }, [people, picked, guests, meeting]);

  const toggle = (id: string) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const save = useMutation({
    mutationFn: () =>
      meetingsApi.attendance(meeting.id, {
        personIds: [...picked],
        guests: guests
          .filter((g) => g.name.trim())
          .map((g) => ({ name: g.name.trim(), organization: g.organization.trim(), sector: g.sector })),
        attendanceVersion: meeting.attendanceVersion,
      }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(meetingKey(meeting.id), saved);
      await queryClient.invalidateQueries({ queryKey: meetingsKey(meeting.partnershipId) });
      setProblem(null);
      notifications.show({
        color: "table",
        message: intl.formatMessage({
          id: "meetings.attendance.savedToast",
          defaultMessage: "Attendance saved.",
        }),
      });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409 && error.problem.current) {
        // People checked in meanwhile: the form opens again from who is there now.
        notifications.show({ color: "harvest", autoClose: false, message: errorMessage(error) });
        queryClient.setQueryData(meetingKey(meeting.id), error.problem.current);
        return;
      }
      setProblem(errorMessage(error));
    },
  });

  return (
    <Stack gap="md">
      <div aria-live="polite">
        <AttendanceSummary meeting={preview} size="md" />
      </div>
      {problem && (
        <Alert color="red" variant="light" role="alert">
          {problem}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <PeopleColumn
          title={intl.formatMessage({
            id: "meetings.attendance.businessColumn",
            defaultMessage: "Business people",
          })}
          people={business}
          picked={picked}
          toggle={toggle}
        />
        <PeopleColumn
          title={intl.formatMessage({
            id: "meetings.attendance.publicColumn",
            defaultMessage: "Public partners and others",
          })}
          people={publicPeople}
          picked={picked}
          toggle={toggle}
        />
      </SimpleGrid>
      <div>
        <Title order={3} fz="md" mb={4}>
          <FormattedMessage id="meetings.attendance.guestsTitle" defaultMessage="Walk-in guests" />
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          <FormattedMessage
            id="meetings.attendance.guestsHelp"
            defaultMessage="People who came but are not members yet."
          />
        </Text>
        <Stack gap="xs">
          {guests.map((g, i) => (
            <Group key={g.key} gap="xs" align="flex-end" wrap="wrap">
              <TextInput
                label={intl.formatMessage(
                  { id: "meetings.attendance.guestName", defaultMessage: "Guest {number} name" },
                  { number: i + 1 },
                )}
                value={g.name}
                onChange={(e) => {
                  const name = e.currentTarget.value;
                  setGuests((all) => all.map((x) => (x.key === g.key ? { ...x, name } : x)));
                }}
                style={{ flex: "1 1 160px" }}
              />
              <TextInput
                label={intl.formatMessage(recordWords.organization)}
                value={g.organization}
                onChange={(e) => {
                  const organization = e.currentTarget.value;
                  setGuests((all) => all.map((x) => (x.key === g.key ? { ...x, organization } : x)));
                }}
                style={{ flex: "1 1 160px" }}
              />
              <Select
                label={intl.formatMessage({
                  id: "meetings.attendance.sectorLabel",
                  defaultMessage: "Sector",
                })}
                data={sectorOptions}
                value={g.sector}
                allowDeselect={false}
                onChange={(v) =>
                  setGuests((all) =>
                    all.map((x) =>
                      x.key === g.key ? { ...x, sector: v === "public" ? "public" : "business" } : x,
                    ),
                  )
                }
                w={150}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mb={2}
                aria-label={intl.formatMessage(
                  { id: "meetings.attendance.removeGuest", defaultMessage: "Remove guest {number}" },
                  { number: i + 1 },
                )}
                onClick={() => setGuests((all) => all.filter((x) => x.key !== g.key))}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              size="xs"
              onClick={() => {
                setGuests((all) => [
                  ...all,
                  { key: nextKey, name: "", organization: "", sector: "business" },
                ]);
                setNextKey((k) => k + 1);
              }}
            >
              <FormattedMessage id="meetings.attendance.addGuest" defaultMessage="Add a walk-in guest" />
            </Button>
          </Group>
        </Stack>
      </div>
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          <FormattedMessage id="meetings.attendance.saveButton" defaultMessage="Save attendance" />
        </Button>
      </Group>
    </Stack>
  );
}
