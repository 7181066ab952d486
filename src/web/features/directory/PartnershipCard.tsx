import { Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { PartnershipListItem } from "../../../core/partnerships.js";
import { stateByAbbr } from "../../../core/geography.js";
import { settingLabels, stageLabels } from "../../../core/vocabulary.js";
import { FormattedMessage } from "react-intl";
import { NaicsTitle } from "../reference/NaicsTitle.js";

export function PartnershipCard({ item }: { item: PartnershipListItem }) {
  const stateNames = item.states.map((s) => stateByAbbr(s)?.name ?? s);
  return (
    <Card component="article" className="card-link" pos="relative" h="100%">
      <Stack gap="sm" h="100%">
        <Group gap={6}>
          <Badge variant="light" color="table" radius="sm" tt="none">
            {stageLabels[item.stage]}
          </Badge>
          <Badge variant="outline" color="gray" radius="sm" c="gray.8" tt="none">
            {settingLabels[item.setting]}
          </Badge>
        </Group>
        <Title order={3} fz="lg" lh={1.3}>
          <Link to={`/p/${item.slug}`} className="stretched-link card-title-link">
            {item.name}
          </Link>
        </Title>
        <Text size="sm" c="gray.8" fw={600}>
          {item.industry ? (
            <NaicsTitle>{item.industry}</NaicsTitle>
          ) : (
            <FormattedMessage id="directory.card.industryNotSet" defaultMessage="Industry not set" />
          )}
          {item.naics.length > 1 && (
            <Text span c="dimmed" fw={400}>
              {" "}
              <FormattedMessage
                id="directory.card.moreIndustries"
                defaultMessage="+ {count, number} more"
                values={{ count: item.naics.length - 1 }}
              />
            </Text>
          )}
        </Text>
        <Text size="sm" c="dimmed">
          {stateNames.length ? (
            stateNames.join(", ")
          ) : (
            <FormattedMessage id="directory.card.regionNotSet" defaultMessage="Region not set" />
          )}
          {item.counties.length > 0 && (
            <FormattedMessage
              id="directory.card.counties"
              defaultMessage=" · {count, plural, one {# county} other {# counties}}"
              values={{ count: item.counties.length }}
            />
          )}
        </Text>
        <Group gap="lg" mt="auto" pt="xs" className="card-stats">
          <Text size="sm">
            <FormattedMessage
              id="directory.card.businesses"
              defaultMessage="<b>{count, number}</b> {count, plural, one {business} other {businesses}}"
              values={{
                count: item.businessCount,
                b: (chunks) => (
                  <Text span fw={800} c="table.8">
                    {chunks}
                  </Text>
                ),
              }}
            />
          </Text>
          <Text size="sm">
            <FormattedMessage
              id="directory.card.publicPartners"
              defaultMessage="<b>{count, number}</b> public {count, plural, one {partner} other {partners}}"
              values={{
                count: item.publicCount,
                b: (chunks) => (
                  <Text span fw={800} c="table.8">
                    {chunks}
                  </Text>
                ),
              }}
            />
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
