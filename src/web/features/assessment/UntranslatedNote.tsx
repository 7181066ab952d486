import { Alert } from "@mantine/core";
import { FormattedMessage } from "react-intl";

/**
 * Says that part of the rubric is shown in English: the version's translation into the reader's
 * language is missing those texts (a community admin adds them in the draft editor).
 */
export function UntranslatedNote({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <Alert color="gray" variant="light" role="note">
      <FormattedMessage
        id="assessment.untranslated.note"
        defaultMessage="{count, plural, one {# text of this rubric version is} other {# texts of this rubric version are}} not translated into your language yet, so {count, plural, one {it is} other {they are}} shown in English."
        values={{ count }}
      />
    </Alert>
  );
}
