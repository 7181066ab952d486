import { useMemo, useState } from "react";
import { Alert, Button, Checkbox, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import { meetingKindLabels, meetingKinds, type MeetingKind } from "../../../core/meeting-time.js";
import type { PartnershipDetail } from "../../../core/partnerships.js";
import { regionTimeZones, spansZonesHint } from "../../../core/us-time-zones.js";
import { WhenFields } from "../../components/WhenFields.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { meetingsApi, meetingsKey } from "./api.js";
import { browserTimeZone, timeZoneOptions } from "./timeZones.js";
import { recordWords } from "./messages.js";

interface Values {
  kind: MeetingKind;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  place: string;
  link: string;
  agenda: string;
  public: boolean;
}

/**
 * Plans a meeting; times are typed as the wall clock in the chosen zone: the partnership's own by
 * default (from its counties); a region across two zones leaves the choice to the convener; a
 * region with no known zone falls back to the browser's.
 */
export function MeetingForm({ partnership }: { partnership: PartnershipDetail }) {
  const intl = useIntl();
  const { id: partnershipId, slug } = partnership;
  const kindOptions = meetingKinds.map((k) => ({ value: k, label: meetingKindLabels[k] }));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const region = useMemo(
    () => regionTimeZones(partnership.counties.map((c) => c.fips)),
    [partnership.counties],
  );
  const [zone] = useState(() => region.zone ?? (region.zones.length > 1 ? "" : browserTimeZone()));
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      kind: "full_partnership",
      title: "",
      startsAt: "",
      endsAt: "",
      timeZone: zone,
      place: "",
      link: "",
      agenda: "",
      public: false,
    },
    validate: {
      title: (v) =>
        v.trim().length >= 3
          ? null
          : intl.formatMessage({
              id: "meetings.form.titleTooShort",
              defaultMessage: "Give the meeting a title of at least 3 characters",
            }),
      startsAt: (v) =>
        v
          ? null
          : intl.formatMessage({
              id: "meetings.form.startsAtMissing",
              defaultMessage: "Choose the date and time the meeting starts",
            }),
      endsAt: (v, values) =>
        v && values.startsAt && v <= values.startsAt
          ? intl.formatMessage({
              id: "meetings.form.endsBeforeStart",
              defaultMessage: "Must be after the start",
            })
          : null,
      timeZone: (v) =>
        v
          ? null
          : intl.formatMessage({
              id: "meetings.form.timeZoneMissing",
              defaultMessage: "Choose the time zone",
            }),
      link: (v) =>
        !v || /^https?:\/\/\S+$/.test(v.trim())
          ? null
          : intl.formatMessage({
              id: "meetings.form.linkInvalid",
              defaultMessage: "Must be a web address such as https://...",
            }),
    },
  });

  const submit = useMutation({
    mutationFn: (v: Values) =>
      meetingsApi.create(partnershipId, {
        kind: v.kind,
        title: v.title.trim(),
        startsAt: v.startsAt,
        endsAt: v.endsAt || null,
        timeZone: v.timeZone,
        place: v.place.trim(),
        link: v.link.trim(),
        agenda: v.agenda,
        public: v.public,
      }),
    onSuccess: async (meeting) => {
      await queryClient.invalidateQueries({ queryKey: meetingsKey(partnershipId) });
      notifications.show({
        color: "table",
        message: intl.formatMessage(
          { id: "meetings.form.plannedToast", defaultMessage: "{title} is planned." },
          { title: meeting.title },
        ),
      });
      void navigate(`/p/${slug}/meetings/${meeting.id}`);
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
        <Select
          label={intl.formatMessage({ id: "meetings.form.kindLabel", defaultMessage: "Kind" })}
          data={kindOptions}
          allowDeselect={false}
          required
          {...form.getInputProps("kind")}
        />
        <TextInput
          label={intl.formatMessage({ id: "meetings.form.titleLabel", defaultMessage: "Title" })}
          required
          maxLength={200}
          {...form.getInputProps("title")}
        />
        <WhenFields
          starts={form.getInputProps("startsAt")}
          ends={form.getInputProps("endsAt")}
          timeZone={form.getInputProps("timeZone")}
          zoneOptions={timeZoneOptions(form.values.timeZone, region.zones)}
          columns={1}
          zoneDescription={
            region.zones.length > 1 && !form.values.timeZone
              ? spansZonesHint(region.zones)
              : intl.formatMessage({
                  id: "meetings.form.zoneDescription",
                  defaultMessage: "Times above are read in this zone",
                })
          }
        />
        <TextInput
          label={intl.formatMessage({ id: "meetings.form.placeLabel", defaultMessage: "Place" })}
          placeholder={intl.formatMessage({
            id: "meetings.form.placePlaceholder",
            defaultMessage: "Address or room",
          })}
          maxLength={300}
          {...form.getInputProps("place")}
        />
        <TextInput
          label={intl.formatMessage({ id: "meetings.form.linkLabel", defaultMessage: "Video link" })}
          placeholder="https://"
          maxLength={500}
          {...form.getInputProps("link")}
        />
        <Textarea
          label={intl.formatMessage(recordWords.agenda)}
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps("agenda")}
        />
        <Checkbox
          label={intl.formatMessage({
            id: "meetings.form.publicLabel",
            defaultMessage: "Show on the public calendar",
          })}
          description={intl.formatMessage(recordWords.publicHelp)}
          {...form.getInputProps("public", { type: "checkbox" })}
        />
        <Button type="submit" loading={submit.isPending}>
          <FormattedMessage id="meetings.form.submitButton" defaultMessage="Plan the meeting" />
        </Button>
      </Stack>
    </form>
  );
}
