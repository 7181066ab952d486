import { Button, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { eventLimits, type EventDetail, type FileMaterial } from "../../../core/events.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { checkFileLocally, fileFacts } from "../../components/fileUpload.js";
import { UploadInput } from "../../components/UploadInput.js";
import { errorMessage } from "../../lib/api.js";
import { eventsApi, eventsKey } from "./api.js";

/** The event's files (slides, handouts): listed with remove, and a new one uploaded with a title. */
export function EventFiles({ event }: { event: EventDetail }) {
  const client = useQueryClient();
  const intl = useIntl();
  const files = event.materials.filter((m): m is FileMaterial => m.kind === "file");
  const [title, setTitle] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [titleError, setTitleError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: eventsKey });

  const upload = useMutation({
    mutationFn: (v: { title: string; file: File }) => eventsApi.uploadMaterial(event.id, v.title, v.file),
    onSuccess: async () => {
      setTitle("");
      setFile(null);
      await refresh();
    },
    onError: (error) => setFileError(errorMessage(error)),
  });
  const remove = useMutation({
    mutationFn: (materialId: string) => eventsApi.removeMaterial(event.id, materialId),
    onSuccess: refresh,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = title.trim();
    const tError = t
      ? null
      : intl.formatMessage({
          id: "events.files.titleMissing",
          defaultMessage: "Give the file a title, such as Slides",
        });
    const fError = file
      ? checkFileLocally(file)
      : intl.formatMessage({ id: "events.files.fileMissing", defaultMessage: "Choose a file" });
    setTitleError(tError);
    setFileError(fError);
    if (tError || fError || !file) return;
    upload.mutate({ title: t, file });
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="files-heading">
      <Title order={2} fz="lg" id="files-heading">
        <FormattedMessage id="events.files.title" defaultMessage="Files" />
      </Title>
      {files.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage
            id="events.files.empty"
            defaultMessage="No files yet. Slides and handouts uploaded here appear on the event page."
          />
        </Text>
      ) : (
        <Stack
          component="ul"
          gap="xs"
          className="plain-list"
          aria-label={intl.formatMessage({
            id: "events.files.listLabel",
            defaultMessage: "Files of this event",
          })}
        >
          {files.map((m) => (
            <Group component="li" key={m.id} justify="space-between" wrap="nowrap">
              <div>
                <Text fw={600}>{m.title}</Text>
                <Text size="sm" c="dimmed">
                  {fileFacts(m)}
                </Text>
              </div>
              <Button
                variant="default"
                color="red"
                onClick={() => remove.mutate(m.id)}
                loading={remove.isPending && remove.variables === m.id}
                aria-label={intl.formatMessage(
                  { id: "events.files.removeLabel", defaultMessage: "Remove {title}" },
                  { title: m.title },
                )}
              >
                <FormattedMessage id="events.files.removeButton" defaultMessage="Remove" />
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      {remove.isError && <ErrorAlert error={remove.error} />}
      <form
        noValidate
        onSubmit={submit}
        aria-label={intl.formatMessage({
          id: "events.files.uploadFormLabel",
          defaultMessage: "Upload a file",
        })}
      >
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput
              label={intl.formatMessage({ id: "events.files.titleLabel", defaultMessage: "File title" })}
              required
              maxLength={eventLimits.title}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={titleError}
            />
            <UploadInput
              label={intl.formatMessage({ id: "events.files.fileLabel", defaultMessage: "File" })}
              required
              value={file}
              onChange={(f, problem) => {
                setFile(f);
                setFileError(problem);
                if (f && !title.trim()) setTitle(f.name.replace(/\.[a-z0-9]+$/i, ""));
              }}
              error={fileError}
            />
          </Group>
          <Group>
            <Button type="submit" variant="light" loading={upload.isPending}>
              <FormattedMessage id="events.files.uploadButton" defaultMessage="Upload the file" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
