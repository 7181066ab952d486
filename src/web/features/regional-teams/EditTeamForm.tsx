import { useState, type FormEvent } from "react";
import { Button, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import { limits } from "../../../core/limits.js";
import type { RegionalTeamDetail } from "../../../core/regional-teams.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { RegionPicker } from "../partnerships/RegionPicker.js";
import { teamsApi, useTeamWrite } from "./api.js";
import { formWords } from "./labels.js";

/** Conveners edit the team; the version they read goes along, so a stale edit is refused (409). */
export function EditTeamForm({ team, onDone }: { team: RegionalTeamDetail; onDone: () => void }) {
  const intl = useIntl();
  const [name, setName] = useState(team.name);
  const [regionName, setRegionName] = useState(team.regionName);
  const [description, setDescription] = useState(team.description);
  const [counties, setCounties] = useState(team.counties.map((c) => c.fips));
  const save = useTeamWrite(team.slug, (body: Parameters<typeof teamsApi.update>[1]) =>
    teamsApi.update(team.slug, body),
  );
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const same =
      counties.length === team.counties.length &&
      counties.every((f) => team.counties.some((c) => c.fips === f));
    save.mutate(
      { version: team.version, name, regionName, description, ...(same ? {} : { counties }) },
      { onSuccess: onDone },
    );
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={intl.formatMessage({ id: "regionalTeams.edit.formLabel", defaultMessage: "Edit the team" })}
    >
      <Stack gap="sm">
        <TextInput
          label={intl.formatMessage(formWords.teamName)}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={limits.name}
          error={errors.name}
        />
        <TextInput
          label={intl.formatMessage(formWords.regionName)}
          value={regionName}
          onChange={(e) => setRegionName(e.currentTarget.value)}
          maxLength={80}
          error={errors.regionName}
        />
        <Textarea
          label={intl.formatMessage(formWords.description)}
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          maxLength={limits.description}
          error={errors.description}
        />
        <RegionPicker value={counties} onChange={setCounties} error={errors.counties} />
        {save.error && !Object.keys(errors).length && (
          <Text c="red.9" size="sm" role="alert">
            {errorMessage(save.error)}
          </Text>
        )}
        <Group gap="xs">
          <Button type="submit" loading={save.isPending}>
            <FormattedMessage id="regionalTeams.edit.submit" defaultMessage="Save the team" />
          </Button>
          <Button variant="default" onClick={onDone}>
            <FormattedMessage {...formWords.cancel} />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
