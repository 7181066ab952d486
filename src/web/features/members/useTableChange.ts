import { useState } from "react";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, errorMessage } from "../../lib/api.js";
import { membersKey } from "./api.js";

/**
 * A change to the table from a dialog: on success the list reloads and a notice says what
 * happened; on a refusal the dialog shows why, and a 409 reloads the list so it shows what is
 * true now.
 */
export function useTableChange<T>(
  partnershipId: string,
  run: (input: T) => Promise<unknown>,
  done: (input: T) => string,
  onSuccess: () => void,
) {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: async (input: T) => {
      await run(input);
      return input;
    },
    onMutate: () => {
      setProblem(null);
      setFieldErrors({});
    },
    onSuccess: async (input) => {
      await queryClient.invalidateQueries({ queryKey: membersKey(partnershipId) });
      notifications.show({ color: "table", message: done(input) });
      onSuccess();
    },
    onError: async (err) => {
      if (err instanceof ApiError && err.problem.errors?.length) setFieldErrors(err.fieldErrors());
      setProblem(errorMessage(err));
      if (err instanceof ApiError && err.status === 409) {
        await queryClient.invalidateQueries({ queryKey: membersKey(partnershipId) });
      }
    },
  });
  const reset = () => {
    setProblem(null);
    setFieldErrors({});
  };
  return { mutation, problem, fieldErrors, reset };
}
