import { useForm } from "@mantine/form";
import { ApiError } from "../../lib/api.js";
import { validate, type PartnershipFormValues } from "./formValues.js";

const fields = new Set<string>(
  Object.keys(validate).concat(["stage", "description", "launchDate", "contactName", "contactPhone"]),
);

export function usePartnershipForm(initialValues: PartnershipFormValues) {
  return useForm<PartnershipFormValues>({
    mode: "controlled",
    initialValues,
    validate,
    validateInputOnBlur: true,
  });
}

/**
 * Puts each field error of a problem under its field; returns what no field can show
 * (the general message), or null when every error found its field.
 */
export function applyServerErrors(
  form: { setErrors: (errors: Record<string, string>) => void },
  error: unknown,
): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : "Save failed.";
  const byField = error.fieldErrors();
  const known = Object.fromEntries(Object.entries(byField).filter(([k]) => fields.has(k)));
  form.setErrors(known);
  const unknown = Object.entries(byField).filter(([k]) => !fields.has(k));
  if (Object.keys(known).length && !unknown.length) return null;
  return unknown.length
    ? `${error.problem.detail} (${unknown.map(([k, m]) => `${k}: ${m}`).join("; ")})`
    : error.problem.detail;
}
