import { Anchor, Button, Select, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import type { CheckInPage, CheckInResult } from "../../../core/checkin.js";
import { errorMessage } from "../../lib/api.js";
import { checkInApi } from "./api.js";

/**
 * A member who is not signed in finds their name. It counts once they open the link we e-mail
 * to that member, so nobody can check someone else in by picking their name.
 */
export function NamePicker({
  page,
  code,
  onDone,
}: {
  page: CheckInPage;
  code: string;
  onDone: (result: CheckInResult) => void;
}) {
  const intl = useIntl();
  const [personId, setPersonId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const claim = useMutation({
    mutationFn: (id: string) => checkInApi.claim(page.token, id),
    onSuccess: onDone,
  });
  const options = page.members.map((m) => ({
    value: m.personId,
    label: `${m.name}${m.organization ? `, ${m.organization}` : ""}`,
    disabled: m.checkedIn,
  }));
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setMissing(!personId);
        if (personId) claim.mutate(personId);
      }}
    >
      <Stack gap="md">
        <Select
          label={intl.formatMessage({ id: "checkin.names.label", defaultMessage: "Your name" })}
          placeholder={intl.formatMessage({
            id: "checkin.names.placeholder",
            defaultMessage: "Type to find your name",
          })}
          size="lg"
          searchable
          required
          data={options}
          value={personId}
          onChange={(v) => {
            setPersonId(v);
            setMissing(false);
          }}
          nothingFoundMessage={intl.formatMessage({
            id: "checkin.names.nothingFound",
            defaultMessage: "No member by that name: add yourself as a guest",
          })}
          error={
            missing
              ? intl.formatMessage({ id: "checkin.names.missing", defaultMessage: "Choose your name" })
              : claim.error
                ? errorMessage(claim.error)
                : undefined
          }
          comboboxProps={{ withinPortal: true }}
        />
        <Text size="sm">
          <FormattedMessage
            id="checkin.names.emailNote"
            defaultMessage="We will e-mail you a link to confirm it is you."
          />
        </Text>
        <Button type="submit" size="lg" fullWidth loading={claim.isPending}>
          <FormattedMessage id="checkin.names.thisIsMe" defaultMessage="This is me" />
        </Button>
        <Text size="sm">
          <FormattedMessage
            id="checkin.names.signIn"
            defaultMessage="Have an account? <link>Sign in</link> to check in with one tap."
            values={{
              link: (chunks) => (
                <Anchor component={Link} to={`/signin?next=${encodeURIComponent(`/check-in/${code}`)}`}>
                  {chunks}
                </Anchor>
              ),
            }}
          />
        </Text>
      </Stack>
    </form>
  );
}
