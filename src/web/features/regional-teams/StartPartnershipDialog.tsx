import { useState, type FormEvent } from "react";
import { Button, Checkbox, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import { limits } from "../../../core/limits.js";
import type { RegionalTeamDetail } from "../../../core/regional-teams.js";
import { settingLabels, settings, type Setting } from "../../../core/vocabulary.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { teamKey, teamsApi, teamsKey } from "./api.js";
import { formWords } from "./labels.js";

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
  const intl = useIntl();
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
    <Modal
      opened={opened}
      onClose={onClose}
      title={intl.formatMessage({
        id: "regionalTeams.startPartnership.title",
        defaultMessage: "Start a partnership",
      })}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            <FormattedMessage
              id="regionalTeams.startPartnership.intro"
              defaultMessage="The partnership starts with the team's {organizations, plural, one {# organization} other {# organizations}} and {people, plural, one {# person} other {# people}} (conveners as conveners, partners as support team members), and {done} of {total} first-stage steps ticked."
              values={{
                organizations: team.organizations.length,
                people: team.members.length,
                done: steps,
                total: team.steps.length,
              }}
            />
          </Text>
          <TextInput
            label={intl.formatMessage({
              id: "regionalTeams.startPartnership.name",
              defaultMessage: "Partnership name",
            })}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={limits.name}
            error={errors.name}
          />
          {team.candidates.length > 0 && (
            <MultiSelect
              label={intl.formatMessage({
                id: "regionalTeams.startPartnership.industry",
                defaultMessage: "Industry from the team's candidates",
              })}
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
            label={
              team.candidates.length > 0
                ? intl.formatMessage({
                    id: "regionalTeams.startPartnership.otherCodes",
                    defaultMessage: "Other NAICS codes",
                  })
                : intl.formatMessage({
                    id: "regionalTeams.startPartnership.codes",
                    defaultMessage: "NAICS codes",
                  })
            }
            description={intl.formatMessage({
              id: "regionalTeams.startPartnership.codesHelp",
              defaultMessage: "Separated by commas, e.g. 622, 6216",
            })}
            value={other}
            onChange={(e) => setOther(e.currentTarget.value)}
            error={team.candidates.length > 0 ? undefined : errors.naics}
          />
          <Checkbox.Group
            label={intl.formatMessage({
              id: "regionalTeams.startPartnership.counties",
              defaultMessage: "Counties",
            })}
            value={counties}
            onChange={setCounties}
            error={errors.counties}
          >
            <Stack gap={4} mt={4}>
              {team.counties.map((c) => (
                <Checkbox key={c.fips} value={c.fips} label={`${c.name}, ${c.state}`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Select
            label={intl.formatMessage({
              id: "regionalTeams.startPartnership.setting",
              defaultMessage: "Setting",
            })}
            description={intl.formatMessage({
              id: "regionalTeams.startPartnership.settingHelp",
              defaultMessage: "Left empty: worked out from the counties' metro areas.",
            })}
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
              <FormattedMessage {...formWords.cancel} />
            </Button>
            <Button type="submit" loading={start.isPending}>
              <FormattedMessage
                id="regionalTeams.startPartnership.submit"
                defaultMessage="Start the partnership"
              />
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
