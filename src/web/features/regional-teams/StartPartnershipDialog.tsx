import { useState, type FormEvent } from "react";
import { Button, Checkbox, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { limits } from "../../../core/limits.js";
import type { RegionalTeamDetail } from "../../../core/regional-teams.js";
import { settingLabels, settings, type Setting } from "../../../core/vocabulary.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { teamKey, teamsApi, teamsKey } from "./api.js";

/** Codes typed by hand, split on commas and spaces. */
const typedCodes = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/**
 * Starting a partnership from the team (conveners): its industry, which of the team's counties,
 * and its setting; the team's organizations, people and done steps come along.
 */
export function StartPartnershipDialog({
  team,
  opened,
  onClose,
}: {
  team: RegionalTeamDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [other, setOther] = useState("");
  const [counties, setCounties] = useState<string[]>(team.counties.map((c) => c.fips));
  const [setting, setSetting] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () =>
      teamsApi.start(team.slug, {
        name,
        naics: [...new Set([...chosen, ...typedCodes(other)])],
        counties,
        setting: (setting ?? undefined) as Setting | undefined,
      }),
    onSuccess: (p) => {
      void client.invalidateQueries({ queryKey: teamKey(team.slug) });
      void client.invalidateQueries({ queryKey: teamsKey, exact: true });
      void navigate(`/p/${p.slug}`);
    },
  });
  const errors = start.error instanceof ApiError ? start.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate();
  };
  const steps = team.steps.filter((s) => s.done).length;
  return (
    <Modal opened={opened} onClose={onClose} title="Start a partnership" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            The partnership starts with the team's {team.organizations.length} organizations and{" "}
            {team.members.length} people (conveners as conveners, partners as support team members), and{" "}
            {steps} of {team.steps.length} first-stage steps ticked.
          </Text>
          <TextInput
            label="Partnership name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={limits.name}
            error={errors.name}
          />
          {team.candidates.length > 0 && (
            <MultiSelect
              label="Industry from the team's candidates"
              data={team.candidates.map((c) => ({
                value: c.naicsCode,
                label: `${c.title} (${c.naicsCode})`,
              }))}
              value={chosen}
              onChange={setChosen}
              searchable
              error={errors.naics}
            />
          )}
          <TextInput
            label={team.candidates.length > 0 ? "Other NAICS codes" : "NAICS codes"}
            description="Separated by commas, e.g. 622, 6216"
            value={other}
            onChange={(e) => setOther(e.currentTarget.value)}
            error={team.candidates.length > 0 ? undefined : errors.naics}
          />
          <Checkbox.Group label="Counties" value={counties} onChange={setCounties} error={errors.counties}>
            <Stack gap={4} mt={4}>
              {team.counties.map((c) => (
                <Checkbox key={c.fips} value={c.fips} label={`${c.name}, ${c.state}`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Select
            label="Setting"
            description="Left empty: worked out from the counties' metro areas."
            data={settings.map((s) => ({ value: s, label: settingLabels[s] }))}
            value={setting}
            onChange={setSetting}
            clearable
            error={errors.setting}
          />
          {start.error && !Object.keys(errors).length && (
            <Text c="red.9" size="sm" role="alert">
              {errorMessage(start.error)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={start.isPending}>
              Start the partnership
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
