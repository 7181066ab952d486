import { useState, type FormEvent } from "react";
import {
  Alert,
  Button,
  Card,
  Divider,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl, type IntlShape } from "react-intl";
import {
  fileQuotaRefusal,
  megabytes,
  meetingLimits,
  type Meeting,
  type MeetingFile,
} from "../../../core/meetings.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { checkFileLocally, fileFacts } from "../../components/fileUpload.js";
import { UploadInput } from "../../components/UploadInput.js";
import { errorMessage } from "../../lib/api.js";
import { meetingKey, meetingsApi } from "./api.js";
import { recordWords } from "./messages.js";

const wrap = { overflowWrap: "anywhere" } as const;

/** "12.4 MB of 200 MB used by this partnership" */
function storageLine(intl: IntlShape, { usedBytes, limitBytes }: Meeting["fileStorage"]): string {
  const used =
    usedBytes === 0
      ? "0 MB"
      : usedBytes < 0.05 * 1024 * 1024
        ? intl.formatMessage({ id: "meetings.files.underTenthMb", defaultMessage: "Under 0.1 MB" })
        : megabytes(usedBytes);
  return intl.formatMessage(
    { id: "meetings.files.storage", defaultMessage: "{used} of {limit} MB used by this partnership" },
    { used, limit: limitBytes / 1024 / 1024 },
  );
}

function FileItem({ file, onRemove }: { file: MeetingFile; onRemove: (() => void) | null }) {
  const intl = useIntl();
  return (
    <Group component="li" justify="space-between" align="center" gap="xs" wrap="wrap">
      <div style={{ minWidth: 0, flex: "1 1 14rem" }}>
        <Text fw={600} style={wrap}>
          {file.title}
        </Text>
        <Text size="sm" c="dimmed" style={wrap}>
          {fileFacts(file)}
        </Text>
      </div>
      <Group gap="xs" wrap="nowrap">
        <Button
          component="a"
          href={file.url}
          download={file.fileName}
          variant="default"
          size="sm"
          aria-label={intl.formatMessage(
            { id: "meetings.files.downloadLabel", defaultMessage: "Download {title}" },
            { title: file.title },
          )}
        >
          <FormattedMessage id="meetings.files.downloadButton" defaultMessage="Download" />
        </Button>
        {onRemove && (
          <Button
            variant="default"
            c="red.9"
            size="sm"
            onClick={onRemove}
            aria-label={intl.formatMessage(
              { id: "meetings.files.removeLabel", defaultMessage: "Remove {title}" },
              { title: file.title },
            )}
          >
            <FormattedMessage {...recordWords.remove} />
          </Button>
        )}
      </Group>
    </Group>
  );
}

/** The convener's form: a title and a file, checked against the limits before anything is sent. */
function UploadForm({ meeting }: { meeting: Meeting }) {
  const intl = useIntl();
  const client = useQueryClient();
  const [title, setTitle] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [titleError, setTitleError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const { usedBytes, limitBytes } = meeting.fileStorage;
  const full = meeting.files.length >= meetingLimits.filesPerMeeting;

  const upload = useMutation({
    mutationFn: (v: { title: string; file: File }) => meetingsApi.uploadFile(meeting.id, v.title, v.file),
    onSuccess: async (kept) => {
      setTitle("");
      setFile(null);
      await client.invalidateQueries({ queryKey: meetingKey(meeting.id) });
      notifications.show({
        color: "table",
        message: intl.formatMessage(
          { id: "meetings.files.keptToast", defaultMessage: "{title} is kept with the meeting." },
          { title: kept.title },
        ),
      });
    },
  });

  const problemWith = (f: File | null): string | null => {
    if (!f) return intl.formatMessage({ id: "meetings.files.fileMissing", defaultMessage: "Choose a file" });
    const local = checkFileLocally(f);
    if (local) return local;
    return usedBytes + f.size > limitBytes ? fileQuotaRefusal(usedBytes, f.size) : null;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = title.trim();
    const tError = t
      ? null
      : intl.formatMessage({
          id: "meetings.files.titleMissing",
          defaultMessage: "Give the file a title, such as Agenda handout",
        });
    const fError = problemWith(file);
    setTitleError(tError);
    setFileError(fError);
    if (tError || fError || !file) return;
    upload.mutate({ title: t, file });
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby="add-file-heading">
      <Stack gap="sm">
        <div>
          <Title order={3} fz="md" id="add-file-heading">
            <FormattedMessage id="meetings.files.addTitle" defaultMessage="Add a file" />
          </Title>
          <Text size="sm" c={usedBytes >= limitBytes * 0.9 ? "red.9" : "dimmed"}>
            {storageLine(intl, meeting.fileStorage)}
          </Text>
        </div>
        {full ? (
          <Text size="sm">
            <FormattedMessage
              id="meetings.files.full"
              defaultMessage="A meeting keeps at most {max} files; remove one before adding another."
              values={{ max: meetingLimits.filesPerMeeting }}
            />
          </Text>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={intl.formatMessage({ id: "meetings.files.titleLabel", defaultMessage: "File title" })}
                description={intl.formatMessage({
                  id: "meetings.files.titleHelp",
                  defaultMessage: "What members see, such as Minutes or Slides.",
                })}
                required
                maxLength={meetingLimits.fileTitle}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                error={titleError}
              />
              <UploadInput
                label={intl.formatMessage({ id: "meetings.files.fileLabel", defaultMessage: "File" })}
                required
                value={file}
                onChange={(f, problem) => {
                  setFile(f);
                  setFileError(problem ?? (f ? problemWith(f) : null));
                  upload.reset();
                  if (f && !title.trim()) setTitle(f.name.replace(/\.[a-z0-9]+$/i, ""));
                }}
                error={fileError}
              />
            </SimpleGrid>
            {upload.isError && (
              <Alert
                color="red"
                variant="light"
                role="alert"
                title={intl.formatMessage({
                  id: "meetings.files.notUploaded",
                  defaultMessage: "Not uploaded",
                })}
              >
                {errorMessage(upload.error)}
              </Alert>
            )}
            <Group>
              <Button type="submit" variant="light" loading={upload.isPending}>
                <FormattedMessage id="meetings.files.uploadButton" defaultMessage="Upload the file" />
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </form>
  );
}

/**
 * The meeting's files (agenda handouts, slides, sign-in sheets, minutes): members download them;
 * conveners add and remove them within the partnership's storage.
 */
export function MeetingFiles({ meeting }: { meeting: Meeting }) {
  const intl = useIntl();
  const client = useQueryClient();
  const canEdit = meeting.permissions.edit;
  // The file stays named while the dialog fades out; `asking` opens and closes it.
  const [removing, setRemoving] = useState<MeetingFile | null>(null);
  const [asking, setAsking] = useState(false);
  const remove = useMutation({
    mutationFn: (f: MeetingFile) => meetingsApi.removeFile(meeting.id, f.id),
    onSuccess: async (_, f) => {
      setAsking(false);
      await client.invalidateQueries({ queryKey: meetingKey(meeting.id) });
      notifications.show({
        color: "table",
        message: intl.formatMessage(
          { id: "meetings.files.removedToast", defaultMessage: "{title} is removed." },
          { title: f.title },
        ),
      });
    },
  });
  const ask = (f: MeetingFile) => {
    remove.reset();
    setRemoving(f);
    setAsking(true);
  };

  return (
    <Card component="section" aria-labelledby="files-heading">
      <Stack gap="md">
        <Title order={2} fz="lg" id="files-heading">
          <FormattedMessage id="meetings.files.title" defaultMessage="Files" />
        </Title>
        {meeting.files.length === 0 ? (
          <Text c="dimmed" size="sm">
            {canEdit ? (
              <FormattedMessage
                id="meetings.files.emptyForEditors"
                defaultMessage="No files yet. Agenda handouts, slides, sign-in sheets and minutes added here are for members only."
              />
            ) : (
              <FormattedMessage id="meetings.files.empty" defaultMessage="No files yet." />
            )}
          </Text>
        ) : (
          <Stack
            component="ul"
            gap="sm"
            className="plain-list"
            aria-label={intl.formatMessage({
              id: "meetings.files.listLabel",
              defaultMessage: "Files of this meeting",
            })}
          >
            {meeting.files.map((f) => (
              <FileItem key={f.id} file={f} onRemove={canEdit ? () => ask(f) : null} />
            ))}
          </Stack>
        )}
        {canEdit && (
          <>
            {meeting.files.length > 0 && <Divider />}
            <UploadForm meeting={meeting} />
          </>
        )}
      </Stack>
      <ConfirmDialog
        opened={asking}
        title={intl.formatMessage({ id: "meetings.files.removeTitle", defaultMessage: "Remove this file?" })}
        confirmLabel={intl.formatMessage({
          id: "meetings.files.removeConfirm",
          defaultMessage: "Remove the file",
        })}
        danger
        pending={remove.isPending}
        problem={remove.isError ? errorMessage(remove.error) : null}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setAsking(false)}
      >
        <Text size="sm" style={wrap}>
          <FormattedMessage
            id="meetings.files.removeText"
            defaultMessage="{title} ({fileName}) will no longer be on this meeting for anyone. This cannot be undone; keep a copy if you may need it."
            values={{ title: removing?.title ?? "", fileName: removing?.fileName ?? "" }}
          />
        </Text>
      </ConfirmDialog>
    </Card>
  );
}
