import { Anchor, Badge, Button, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import type { PartnershipDetail } from "../../../core/partnerships.js";
import { organizationKindLabels, settingLabels } from "../../../core/vocabulary.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError } from "../../lib/api.js";
import { formatDate } from "../../lib/format.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import NotFoundPage from "../errors/NotFoundPage.js";
import { usePartnership } from "./api.js";
import { RegionList } from "./RegionList.js";
import { RegionalEconomyPanel } from "./RegionalEconomyPanel.js";
import { StageTrack } from "./StageTrack.js";
import { useMe } from "../auth/api.js";
import { FollowButton } from "../activity/FollowButton.js";
import { ChecklistProgress } from "../stages/ChecklistProgress.js";
import { PublicStories } from "./PublicStories.js";
import { ProfileLink } from "../profiles/ProfileLink.js";
import { NaicsTitle } from "../reference/NaicsTitle.js";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" fw={700} tt="uppercase" c="dimmed" lts={0.5}>
        {label}
      </Text>
      <Text component="dd" m={0} mt={2}>
        {children}
      </Text>
    </div>
  );
}

function TableCard({ p }: { p: PartnershipDetail }) {
  return (
    <Card component="section" aria-labelledby="table-heading">
      <Title order={2} fz="lg" id="table-heading" mb="md">
        <FormattedMessage id="partnerships.profile.tableHeading" defaultMessage="At the table" />
      </Title>
      <Group grow gap="md" align="stretch">
        <Stack gap={0} className="stat-box">
          <Text fz={32} fw={800} c="table.8" lh={1.1}>
            {p.table.businesses}
          </Text>
          <Text size="sm">
            <FormattedMessage
              id="partnerships.profile.businesses"
              defaultMessage="{count, plural, one {business} other {businesses}}"
              values={{ count: p.table.businesses }}
            />
          </Text>
        </Stack>
        <Stack gap={0} className="stat-box">
          <Text fz={32} fw={800} c="gray.8" lh={1.1}>
            {p.table.publicPartners}
          </Text>
          <Text size="sm">
            <FormattedMessage
              id="partnerships.profile.publicPartners"
              defaultMessage="{count, plural, one {public partner} other {public partners}}"
              values={{ count: p.table.publicPartners }}
            />
          </Text>
        </Stack>
      </Group>
      {p.table.publicKinds.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="md" mb={6}>
            <FormattedMessage
              id="partnerships.profile.publicKinds"
              defaultMessage="Public partners include"
            />
          </Text>
          <Group gap={6}>
            {p.table.publicKinds.map((k) => (
              <Badge key={k} variant="light" color="gray" c="gray.9" radius="sm" tt="none">
                {organizationKindLabels[k]}
              </Badge>
            ))}
          </Group>
        </>
      )}
    </Card>
  );
}

function ContactCard({ p }: { p: PartnershipDetail }) {
  const has = p.contactName || p.contactEmail || p.contactPhone || p.website;
  return (
    <Card component="section" aria-labelledby="contact-heading">
      <Title order={2} fz="lg" id="contact-heading" mb="sm">
        <FormattedMessage id="partnerships.profile.contactHeading" defaultMessage="Contact" />
      </Title>
      {has ? (
        <Stack gap={4}>
          {p.contactName && <Text fw={600}>{p.contactName}</Text>}
          {p.contactEmail && <Anchor href={`mailto:${p.contactEmail}`}>{p.contactEmail}</Anchor>}
          {p.contactPhone && <Anchor href={`tel:${p.contactPhone}`}>{p.contactPhone}</Anchor>}
          {p.website && (
            <Anchor href={p.website} target="_blank" rel="noopener noreferrer">
              {p.website.replace(/^https?:\/\//, "")}
            </Anchor>
          )}
        </Stack>
      ) : (
        <Text c="dimmed" size="sm">
          <FormattedMessage id="partnerships.profile.noContact" defaultMessage="No contact details yet." />
        </Text>
      )}
    </Card>
  );
}

export default function ProfilePage() {
  const intl = useIntl();
  const { slug } = useParams();
  const query = usePartnership(slug);
  const p = query.data;
  const me = useMe();
  usePageTitle(
    p?.name ?? intl.formatMessage({ id: "partnerships.profile.pageTitle", defaultMessage: "Partnership" }),
  );

  if (query.isPending)
    return (
      <PageSkeleton
        label={intl.formatMessage({
          id: "partnerships.profile.loading",
          defaultMessage: "Loading the partnership",
        })}
      />
    );
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (!p) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  const paragraphs = p.description.split(/\n{2,}/).filter((s) => s.trim());

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={8} maw={780}>
          <Title order={1} fz={{ base: 28, sm: 38 }} lh={1.15}>
            {p.name}
          </Title>
          <Text size="lg" c="gray.8">
            {p.naics.length > 0 && <NaicsTitle>{p.naics.map((n) => n.title).join(" · ")}</NaicsTitle>}
            {p.naics.length === 0 &&
              intl.formatMessage({
                id: "partnerships.profile.noIndustry",
                defaultMessage: "Industry not set",
              })}
            {p.states.length > 0 && (
              <Text span c="dimmed">
                {" "}
                <FormattedMessage
                  id="partnerships.profile.inStates"
                  defaultMessage="in {states}"
                  values={{
                    states: intl.formatList(
                      p.states.map((s) => s.name),
                      { type: "conjunction" },
                    ),
                  }}
                />
              </Text>
            )}
          </Text>
        </Stack>
        {(me.data || p.permissions.edit) && (
          <Group gap="sm">
            {me.data && <FollowButton partnershipId={p.id} />}
            {p.permissions.edit && (
              <Button component={Link} to={`/p/${p.slug}/edit`}>
                <FormattedMessage id="partnerships.profile.editButton" defaultMessage="Edit profile" />
              </Button>
            )}
          </Group>
        )}
      </Group>

      <section aria-labelledby="stage-heading">
        <Title order={2} fz="lg" id="stage-heading" mb="sm">
          <FormattedMessage id="partnerships.profile.stageHeading" defaultMessage="Stage" />
        </Title>
        <StageTrack current={p.stage} />
        <ChecklistProgress partnershipId={p.id} slug={p.slug} />
      </section>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Card component="section" aria-labelledby="about-heading">
              <Title order={2} fz="lg" id="about-heading" mb="sm">
                <FormattedMessage id="partnerships.profile.aboutHeading" defaultMessage="About" />
              </Title>
              {paragraphs.length ? (
                <Stack gap="sm">
                  {paragraphs.map((para, i) => (
                    <Text key={i} style={{ whiteSpace: "pre-line" }}>
                      {para}
                    </Text>
                  ))}
                </Stack>
              ) : (
                <Text c="dimmed">
                  <FormattedMessage
                    id="partnerships.profile.noDescription"
                    defaultMessage="No description yet."
                  />
                </Text>
              )}
              <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} spacing="md" mt="lg" mb={0}>
                <Fact
                  label={intl.formatMessage({
                    id: "partnerships.profile.settingFact",
                    defaultMessage: "Setting",
                  })}
                >
                  {settingLabels[p.setting]}
                </Fact>
                <Fact
                  label={intl.formatMessage({
                    id: "partnerships.profile.launchedFact",
                    defaultMessage: "Launched",
                  })}
                >
                  {p.launchDate
                    ? formatDate(p.launchDate)
                    : intl.formatMessage({
                        id: "partnerships.profile.notLaunched",
                        defaultMessage: "Not yet launched",
                      })}
                </Fact>
                <Fact
                  label={intl.formatMessage(
                    {
                      id: "partnerships.profile.convenersFact",
                      defaultMessage: "{count, plural, one {Convener} other {Conveners}}",
                    },
                    { count: p.conveners.length },
                  )}
                >
                  {p.conveners.length
                    ? p.conveners
                        .map((c) => (c.organization ? `${c.name}, ${c.organization}` : c.name))
                        .join("; ")
                    : intl.formatMessage({
                        id: "partnerships.profile.noConveners",
                        defaultMessage: "None listed",
                      })}
                </Fact>
              </SimpleGrid>
            </Card>

            <Card component="section" aria-labelledby="industry-heading">
              <Title order={2} fz="lg" id="industry-heading" mb="sm">
                <FormattedMessage id="partnerships.profile.industryHeading" defaultMessage="Industry" />
              </Title>
              <Stack gap={6} component="ul" className="plain-list">
                {p.naics.map((n) => (
                  <Group component="li" key={n.code} gap="sm" wrap="nowrap">
                    <Badge variant="outline" color="table" radius="sm" miw={64}>
                      {n.code}
                    </Badge>
                    <Text>
                      <NaicsTitle>{n.title}</NaicsTitle>
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Card>

            <Card component="section" aria-labelledby="region-heading">
              <Title order={2} fz="lg" id="region-heading" mb={4}>
                <FormattedMessage id="partnerships.profile.regionHeading" defaultMessage="Region" />
              </Title>
              <Text c="dimmed" size="sm" mb="md">
                <FormattedMessage
                  id="partnerships.profile.regionSize"
                  defaultMessage="{counties, plural, one {# county} other {# counties}} in {states, plural, one {# state} other {# states}}"
                  values={{ counties: p.counties.length, states: p.states.length }}
                />
              </Text>
              <RegionList states={p.states} counties={p.counties} />
            </Card>

            <RegionalEconomyPanel partnershipId={p.id} />

            <ProfileLink slug={p.slug} />

            <PublicStories partnershipId={p.id} slug={p.slug} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <TableCard p={p} />
            <ContactCard p={p} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
