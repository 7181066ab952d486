import { Button, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useNavigate } from "react-router";
import { isShortCode, normalizeShortCode } from "../../../core/checkin.js";

/** Typing the six characters from the screen; they lead to the same page as the QR code. */
export function CodeEntry({ label = "Check-in code" }: { label?: string }) {
  const navigate = useNavigate();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!isShortCode(code)) {
          setError("Type the six letters and digits shown on the screen, such as K7Q-M2P.");
          return;
        }
        void navigate(`/check-in/${normalizeShortCode(code)}`);
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={label}
          description="Six characters, shown under the QR code"
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
          Continue
        </Button>
      </Stack>
    </form>
  );
}
