import { useState } from "react";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, errorMessage } from "../../lib/api.js";
import { agendaKey } from "./api.js";

interface Options<T, R> {
  partnershipId: string;
  mutationFn: (input: T) => Promise<R>;
  success?: (result: R) => string;
  onSuccess?: (result: R) => void;
  /** Field errors go to the form; anything else becomes `problem`. */
  setFieldErrors?: (errors: Record<string, string>) => void;
  /** Handles an error first; answer true when it is dealt with. */
  onError?: (error: unknown) => boolean;
}

/** A write to the agenda: refreshes every agenda query of the partnership and reports problems. */
export function useAgendaMutation<T, R>({
  partnershipId,
  mutationFn,
  success,
  onSuccess,
  setFieldErrors,
  onError,
}: Options<T, R>) {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn,
    onMutate: () => setProblem(null),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: agendaKey(partnershipId) });
      if (success)
        notifications.show({
          color: "table",
          message: success(result),
        });
      onSuccess?.(result);
    },
    onError: (err) => {
      if (onError?.(err)) return;
      if (setFieldErrors && err instanceof ApiError && err.problem.errors?.length) {
        const fields = err.fieldErrors();
        setFieldErrors(fields);
        // Errors on fields the form does not show still need saying.
        setProblem(err.problem.detail);
      } else setProblem(errorMessage(err));
    },
  });
  return { mutation, problem, setProblem };
}
