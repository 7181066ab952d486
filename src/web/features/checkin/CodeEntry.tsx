import { Button, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useNavigate } from "react-router";
import { isShortCode, normalizeShortCode } from "../../../core/checkin.js";

/** Typing the six characters from the screen; they lead to the same page as the QR code. */
export function CodeEntry({ label }: { label?: string }) {
  const navigate = useNavigate();
  const intl = useIntl();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!isShortCode(code)) {
          setError(
            intl.formatMessage({
              id: "checkin.code.invalid",
              defaultMessage: "Type the six letters and digits shown on the screen, such as K7Q-M2P.",
            }),
          );
          return;
        }
        void navigate(`/check-in/${normalizeShortCode(code)}`);
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={label ?? intl.formatMessage({ id: "checkin.code.label", defaultMessage: "Check-in code" })}
          description={intl.formatMessage({
            id: "checkin.code.help",
            defaultMessage: "Six characters, shown under the QR code",
          })}
          size="lg"
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          styles={{ input: { fontFamily: "monospace", letterSpacing: "0.15em", textTransform: "uppercase" } }}
        />
        <Button type="submit" size="lg" fullWidth>
          <FormattedMessage id="checkin.code.continue" defaultMessage="Continue" />
        </Button>
      </Stack>
    </form>
  );
}
