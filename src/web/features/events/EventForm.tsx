import { useState } from "react";
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import { useNavigate } from "react-router";
import {
  eventAudienceLabels,
  eventAudiences,
  eventKindLabels,
  eventKinds,
  type EventAudience,
  type EventKind,
} from "../../../core/event-vocabulary.js";
import type { EventDetail } from "../../../core/events.js";
import { toWallTime } from "../../../core/meeting-time.js";
import { WhenFields } from "../../components/WhenFields.js";
import { typedLinkProblem } from "../../../core/urls.js";
import { ApiError, errorMessage, sentence } from "../../lib/api.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { browserTimeZone, timeZoneOptions } from "../meetings/timeZones.js";
import { eventsApi, eventsKey } from "./api.js";

interface Values {
  kind: EventKind;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  capacity: number | string;
  online: boolean;
  link: string;
  place: string;
  audience: EventAudience[];
  recordingUrl: string;
  materials: string;
}

const kindOptions = eventKinds.map((k) => ({ value: k, label: eventKindLabels[k] }));
/** The server's link rule, so the form refuses what the API would (javascript:, data:, ...). */
const linkError = (v: string) => {
  const problem = typedLinkProblem(v);
  return problem ? sentence(problem) : null;
};

/** "Slides | https://..." one a line: simple to type, simple to read back. */
function parseMaterials(text: string) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.lastIndexOf("|");
      return at < 0
        ? { title: line, url: line }
        : { title: line.slice(0, at).trim(), url: line.slice(at + 1).trim() };
    });
}

function initial(e: EventDetail | undefined, zone: string): Values {
  if (!e) {
    return {
      kind: "webinar",
      title: "",
      description: "",
      startsAt: "",
      endsAt: "",
      timeZone: zone,
      capacity: "",
      online: true,
      link: "",
      place: "",
      audience: [],
      recordingUrl: "",
      materials: "",
    };
  }
  return {
    kind: e.kind,
    title: e.title,
    description: e.description,
    startsAt: toWallTime(new Date(e.startsAt), e.timeZone),
    endsAt: toWallTime(new Date(e.endsAt), e.timeZone),
    timeZone: e.timeZone,
    capacity: e.capacity ?? "",
    online: e.online,
    link: e.link,
    place: e.place,
    audience: e.audience,
    recordingUrl: e.recordingUrl,
    // Files are uploaded and removed on their own; the edit carries the links only.
    materials: e.materials
      .filter((m) => m.kind === "link")
      .map((m) => `${m.title} | ${m.url}`)
      .join("\n"),
  };
}

/** Plans a new event, or edits one (with the version read, so a stale edit is refused). */
export function EventForm({ event }: { event?: EventDetail }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const intl = useIntl();
  const [problem, setProblem] = useState<string | null>(null);
  const [zone] = useState(browserTimeZone);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: initial(event, zone),
    validate: {
      title: (v) =>
        v.trim().length >= 3
          ? null
          : intl.formatMessage({
              id: "events.form.titleTooShort",
              defaultMessage: "Give the event a title of at least 3 characters",
            }),
      startsAt: (v) =>
        v
          ? null
          : intl.formatMessage({
              id: "events.form.startMissing",
              defaultMessage: "Choose the date and time the event starts",
            }),
      endsAt: (v, values) =>
        !v
          ? intl.formatMessage({ id: "events.form.endMissing", defaultMessage: "Choose when it ends" })
          : values.startsAt && v <= values.startsAt
            ? intl.formatMessage({
                id: "events.form.endBeforeStart",
                defaultMessage: "Must be after the start",
              })
            : null,
      link: linkError,
      recordingUrl: linkError,
      place: (v, values) =>
        !values.online && !v.trim()
          ? intl.formatMessage({
              id: "events.form.placeMissing",
              defaultMessage: "Give the place of an in-person event",
            })
          : null,
    },
  });

  const submit = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        kind: v.kind,
        title: v.title.trim(),
        description: v.description,
        startsAt: v.startsAt,
        endsAt: v.endsAt,
        timeZone: v.timeZone,
        capacity: v.capacity === "" ? null : Number(v.capacity),
        online: v.online,
        link: v.link.trim(),
        place: v.place.trim(),
        audience: v.audience,
        recordingUrl: v.recordingUrl.trim(),
        materials: parseMaterials(v.materials),
      };
      return event ? eventsApi.patch(event.id, { ...body, version: event.version }) : eventsApi.create(body);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: eventsKey });
      notifications.show({
        color: "table",
        message: event
          ? intl.formatMessage(
              { id: "events.form.savedToast", defaultMessage: "{title} is saved." },
              { title: saved.title },
            )
          : intl.formatMessage(
              { id: "events.form.plannedToast", defaultMessage: "{title} is planned." },
              { title: saved.title },
            ),
      });
      void navigate(`/events/${saved.slug}`);
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setErrors(error.fieldErrors());
      setProblem(errorMessage(error));
    },
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        (v) => {
          setProblem(null);
          submit.mutate(v);
        },
        () => focusFirstError(),
      )}
    >
      <Stack gap="sm">
        {problem && (
          <Alert color="red" variant="light" role="alert">
            {problem}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={intl.formatMessage({ id: "events.form.titleLabel", defaultMessage: "Title" })}
            required
            maxLength={200}
            {...form.getInputProps("title")}
          />
          <Select
            label={intl.formatMessage({ id: "events.form.kindLabel", defaultMessage: "Kind" })}
            data={kindOptions}
            allowDeselect={false}
            required
            {...form.getInputProps("kind")}
          />
        </SimpleGrid>
        <Textarea
          label={intl.formatMessage({ id: "events.form.descriptionLabel", defaultMessage: "Description" })}
          description={intl.formatMessage({
            id: "events.form.descriptionHelp",
            defaultMessage: "Markdown: **bold**, lists, links",
          })}
          autosize
          minRows={4}
          maxRows={14}
          {...form.getInputProps("description")}
        />
        <WhenFields
          starts={form.getInputProps("startsAt")}
          ends={form.getInputProps("endsAt")}
          timeZone={form.getInputProps("timeZone")}
          zoneOptions={timeZoneOptions(form.values.timeZone || zone)}
          endRequired
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={intl.formatMessage({ id: "events.form.capacityLabel", defaultMessage: "Capacity" })}
            description={intl.formatMessage({
              id: "events.form.capacityHelp",
              defaultMessage: "Leave empty for no limit; when full, people join a waitlist",
            })}
            min={1}
            allowDecimal={false}
            {...form.getInputProps("capacity")}
          />
          <Switch
            mt="lg"
            label={intl.formatMessage({ id: "events.form.onlineLabel", defaultMessage: "Online" })}
            {...form.getInputProps("online", { type: "checkbox" })}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={intl.formatMessage({ id: "events.form.linkLabel", defaultMessage: "Video link" })}
            description={intl.formatMessage({
              id: "events.form.linkHelp",
              defaultMessage: "Shown only to registered people",
            })}
            placeholder="https://"
            maxLength={500}
            {...form.getInputProps("link")}
          />
          <TextInput
            label={intl.formatMessage({ id: "events.form.placeLabel", defaultMessage: "Place" })}
            placeholder={intl.formatMessage({
              id: "events.form.placePlaceholder",
              defaultMessage: "Address or venue",
            })}
            maxLength={300}
            {...form.getInputProps("place")}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={intl.formatMessage({ id: "events.form.audienceLabel", defaultMessage: "Audience" })}
          {...form.getInputProps("audience")}
        >
          <Group mt={6}>
            {eventAudiences.map((a) => (
              <Checkbox key={a} value={a} label={eventAudienceLabels[a]} />
            ))}
          </Group>
        </Checkbox.Group>
        <TextInput
          label={intl.formatMessage({ id: "events.form.recordingLabel", defaultMessage: "Recording" })}
          placeholder="https://"
          maxLength={500}
          {...form.getInputProps("recordingUrl")}
        />
        <Textarea
          label={intl.formatMessage({ id: "events.form.materialsLabel", defaultMessage: "Material links" })}
          description={intl.formatMessage({
            id: "events.form.materialsHelp",
            defaultMessage:
              "One a line: Title | https://... Files (PDF, Word, Excel) go in the Files section once the event is saved.",
          })}
          autosize
          minRows={2}
          maxRows={8}
          {...form.getInputProps("materials")}
        />
        <Group>
          <Button type="submit" loading={submit.isPending}>
            {event ? (
              <FormattedMessage id="events.form.saveButton" defaultMessage="Save the event" />
            ) : (
              <FormattedMessage id="events.form.planButton" defaultMessage="Plan the event" />
            )}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
