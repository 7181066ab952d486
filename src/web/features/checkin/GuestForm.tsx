import { Button, Radio, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import type { CheckInResult, GuestCheckIn } from "../../../core/checkin.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { checkInApi } from "./api.js";

/**
 * A walk-in adds themselves: name, organization, and whether it is a business. The live vote
 * sends the same form its own way (`send`), checking the guest in and asking for a voter token.
 */
export function GuestForm<R = CheckInResult>({
  token,
  defaultName = "",
  onDone,
  send,
  submitLabel,
}: {
  token: string;
  defaultName?: string;
  onDone: (result: R) => void;
  send?: (guest: GuestCheckIn) => Promise<R>;
  submitLabel?: string;
}) {
  const intl = useIntl();
  const [name, setName] = useState(defaultName);
  const [organization, setOrganization] = useState("");
  const [sector, setSector] = useState<GuestCheckIn["sector"] | "">("");
  const [missing, setMissing] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (guest: GuestCheckIn) =>
      send ? send(guest) : (checkInApi.guest(token, guest) as Promise<unknown> as Promise<R>),
    onSuccess: onDone,
  });
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const errors = { ...fieldErrors, ...missing };
  const otherError = save.error && Object.keys(fieldErrors).length === 0 ? errorMessage(save.error) : null;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const required: Record<string, string> = {};
        if (!name.trim())
          required.name = intl.formatMessage({
            id: "checkin.guest.nameMissing",
            defaultMessage: "Type your name",
          });
        if (!organization.trim())
          required.organization = intl.formatMessage({
            id: "checkin.guest.organizationMissing",
            defaultMessage: "Type your organization",
          });
        if (!sector)
          required.sector = intl.formatMessage({
            id: "checkin.guest.sectorMissing",
            defaultMessage: "Choose one",
          });
        setMissing(required);
        if (sector && Object.keys(required).length === 0) save.mutate({ name, organization, sector });
      }}
    >
      <Stack gap="md">
        <TextInput
          label={intl.formatMessage({ id: "checkin.guest.nameLabel", defaultMessage: "Your name" })}
          size="lg"
          required
          autoComplete="name"
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label={intl.formatMessage({
            id: "checkin.guest.organizationLabel",
            defaultMessage: "Organization",
          })}
          size="lg"
          required
          autoComplete="organization"
          maxLength={200}
          value={organization}
          onChange={(e) => setOrganization(e.currentTarget.value)}
          error={errors.organization}
        />
        <Radio.Group
          label={intl.formatMessage({
            id: "checkin.guest.sectorLabel",
            defaultMessage: "Your organization is",
          })}
          size="md"
          required
          value={sector}
          onChange={(v) => setSector(v)}
          error={errors.sector}
        >
          <Stack gap="sm" mt="xs">
            <Radio
              value="business"
              label={intl.formatMessage({ id: "checkin.guest.business", defaultMessage: "A business" })}
            />
            <Radio
              value="public"
              label={intl.formatMessage({
                id: "checkin.guest.public",
                defaultMessage: "A public or community partner (school, college, agency, nonprofit)",
              })}
            />
          </Stack>
        </Radio.Group>
        {otherError && (
          <div role="alert" style={{ color: "var(--mantine-color-red-9)" }}>
            {otherError}
          </div>
        )}
        <Button type="submit" size="lg" fullWidth loading={save.isPending}>
          {submitLabel ?? (
            <FormattedMessage id="checkin.guest.submit" defaultMessage="Check me in as a guest" />
          )}
        </Button>
      </Stack>
    </form>
  );
}
