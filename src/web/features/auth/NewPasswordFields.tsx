import { PasswordInput } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import { passwordHint } from "../../../core/auth.js";
import { limits } from "../../../core/limits.js";

/** The rule a new password is checked by before it is sent (the server checks it again). */
export function checkNewPassword(value: string): string | null {
  return value.length >= limits.passwordMin ? null : `Must be at least ${limits.passwordMin} characters`;
}

/** The repeated password must be the same as the new one. */
export function checkRepeat(value: string, password: string): string | null {
  return value === password ? null : "The two passwords differ";
}

/**
 * The fields of a new password, the same wherever one is chosen (sign-up, reset link, account):
 * the password with the hint of what makes a good one, and, when `repeat` is given, the field that
 * repeats it. Renders bare fields, so they take the spacing of the form's stack.
 */
export function NewPasswordFields({
  label = "New password",
  password,
  repeat,
}: {
  label?: string;
  /** The form's input props of the new password: form.getInputProps("password"). */
  password: GetInputPropsReturnType;
  /** The form's input props of the repeated password; without them no repeat field is shown. */
  repeat?: GetInputPropsReturnType;
}) {
  return (
    <>
      <PasswordInput
        label={label}
        description={passwordHint}
        autoComplete="new-password"
        required
        maxLength={limits.passwordMax}
        {...password}
      />
      {repeat && (
        <PasswordInput label="Repeat the new password" autoComplete="new-password" required {...repeat} />
      )}
    </>
  );
}
