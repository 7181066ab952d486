import { Button, Group, Stack } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useIntl } from "react-intl";
import type { Resource } from "../../../core/resources.js";
import { checkFileLocally } from "../../components/fileUpload.js";
import { UploadInput } from "../../components/UploadInput.js";
import { errorMessage } from "../../lib/api.js";
import { resourcesApi, resourcesKey } from "./api.js";

/**
 * Picks a file and attaches it to a saved resource, the server's reason for a refusal shown
 * next to the field. Used on the resource page and to retry after a suggestion saved without it.
 */
export function AttachFile({
  resourceId,
  label,
  action,
  initialFile = null,
  initialError = null,
  onAttached,
}: {
  resourceId: string;
  label: string;
  action: string;
  initialFile?: File | null;
  initialError?: string | null;
  onAttached?: (resource: Resource) => void | Promise<void>;
}) {
  const client = useQueryClient();
  const intl = useIntl();
  const [file, setFile] = useState<File | null>(initialFile);
  const [error, setError] = useState<string | null>(initialError);
  const attach = useMutation({
    mutationFn: (chosen: File) => resourcesApi.attach(resourceId, chosen),
    onSuccess: async (resource) => {
      setFile(null);
      await client.invalidateQueries({ queryKey: resourcesKey });
      await onAttached?.(resource);
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const send = () => {
    if (!file)
      return setError(
        intl.formatMessage({ id: "resources.attach.noFile", defaultMessage: "Choose a file first." }),
      );
    const refused = checkFileLocally(file);
    if (refused) return setError(refused);
    setError(null);
    attach.mutate(file);
  };
  return (
    <Stack gap="sm">
      <UploadInput
        label={label}
        value={file}
        onChange={(f, problem) => {
          setFile(f);
          setError(problem);
        }}
        error={error}
      />
      <Group>
        <Button onClick={send} loading={attach.isPending} disabled={!file}>
          {action}
        </Button>
      </Group>
    </Stack>
  );
}
