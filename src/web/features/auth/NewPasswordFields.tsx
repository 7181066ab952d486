import { PasswordInput } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import { useIntl } from "react-intl";
import { msg, say } from "../../../core/i18n/msg.js";
import { limits } from "../../../core/limits.js";

/** The rule a new password is checked by before it is sent (the server checks it again). */
export function checkNewPassword(value: string): string | null {
  return value.length >= limits.passwordMin
    ? null
    : say(msg({ id: "auth.password.tooShort", defaultMessage: "Must be at least {min} characters" }), {
        min: limits.passwordMin,
      });
}

/** The repeated password must be the same as the new one. */
export function checkRepeat(value: string, password: string): string | null {
  return value === password
    ? null
    : say(msg({ id: "auth.password.differ", defaultMessage: "The two passwords differ" }));
}

/**
 * The fields of a new password, the same wherever one is chosen (sign-up, reset link, account):
 * the password with the hint of what makes a good one, and, when `repeat` is given, the field that
 * repeats it. Renders bare fields, so they take the spacing of the form's stack.
 */
export function NewPasswordFields({
  label,
  password,
  repeat,
}: {
  label?: string;
  /** The form's input props of the new password: form.getInputProps("password"). */
  password: GetInputPropsReturnType;
  /** The form's input props of the repeated password; without them no repeat field is shown. */
  repeat?: GetInputPropsReturnType;
}) {
  const intl = useIntl();
  const toggle = {
    "aria-label": intl.formatMessage({
      id: "auth.password.toggle",
      defaultMessage: "Toggle password visibility",
    }),
  };
  return (
    <>
      <PasswordInput
        label={label ?? intl.formatMessage({ id: "auth.password.new", defaultMessage: "New password" })}
        description={intl.formatMessage(
          {
            id: "auth.password.hint",
            defaultMessage:
              "At least {min} characters. A few unrelated words work well; avoid names and common phrases.",
          },
          { min: limits.passwordMin },
        )}
        visibilityToggleButtonProps={toggle}
        autoComplete="new-password"
        required
        maxLength={limits.passwordMax}
        {...password}
      />
      {repeat && (
        <PasswordInput
          label={intl.formatMessage({
            id: "auth.password.repeat",
            defaultMessage: "Repeat the new password",
          })}
          visibilityToggleButtonProps={toggle}
          autoComplete="new-password"
          required
          {...repeat}
        />
      )}
    </>
  );
}
