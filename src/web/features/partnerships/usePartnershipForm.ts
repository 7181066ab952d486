import { useForm } from "@mantine/form";
import { useIntl, type IntlShape } from "react-intl";
import { ApiError } from "../../lib/api.js";
import { validatedFields, validators, type PartnershipFormValues } from "./formValues.js";

const fields = new Set<string>([
  ...validatedFields,
  "stage",
  "description",
  "launchDate",
  "contactName",
  "contactPhone",
]);

export function usePartnershipForm(initialValues: PartnershipFormValues) {
  const intl = useIntl();
  return useForm<PartnershipFormValues>({
    mode: "controlled",
    initialValues,
    validate: validators(intl),
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
  intl: IntlShape,
): string | null {
  if (!(error instanceof ApiError))
    return error instanceof Error
      ? error.message
      : intl.formatMessage({ id: "partnerships.form.saveFailed", defaultMessage: "Save failed." });
  const byField = error.fieldErrors();
  const known = Object.fromEntries(Object.entries(byField).filter(([k]) => fields.has(k)));
  form.setErrors(known);
  const unknown = Object.entries(byField).filter(([k]) => !fields.has(k));
  if (Object.keys(known).length && !unknown.length) return null;
  return unknown.length
    ? `${error.problem.detail} (${unknown.map(([k, m]) => `${k}: ${m}`).join("; ")})`
    : error.problem.detail;
}
