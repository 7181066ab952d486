import { Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useParams } from "react-router";
import { formatDate } from "../../../core/format.js";
import { visibilityLabels } from "../../../core/impact.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import NotFoundPage from "../errors/NotFoundPage.js";
import { useProfile } from "./api.js";
import { PartnershipLine } from "./PartnershipLine.js";
import { ProfileParts } from "./ProfileParts.js";
import "./profiles.css";

/** One benchmarking profile to read or print: the six parts with the results as they stand today. */
export default function ProfileReadPage() {
  const intl = useIntl();
  const { slug } = useParams();
  const profile = useProfile(slug);
  const p = profile.data;
  usePageTitle(
    p
      ? intl.formatMessage(
          { id: "profiles.read.pageTitleNamed", defaultMessage: "Benchmarking profile of {name}" },
          { name: p.partnership.name },
        )
      : intl.formatMessage({ id: "profiles.read.pageTitle", defaultMessage: "Benchmarking profile" }),
  );
  if (profile.isPending)
    return (
      <PageSkeleton
        label={intl.formatMessage({ id: "profiles.read.loading", defaultMessage: "Loading the profile" })}
      />
    );
  if (profile.error instanceof ApiError && profile.error.status === 404) return <NotFoundPage />;
  if (!p) return <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  return (
    <Stack gap="md" className="profile-sheet">
      <Group justify="space-between" className="no-print">
        <Anchor component={Link} to="/profiles">
          <FormattedMessage id="profiles.allProfilesLink" defaultMessage="All benchmarking profiles" />
        </Anchor>
        <Group gap="sm">
          {p.canEdit && (
            <Button component={Link} to={`/p/${p.partnership.slug}/benchmarking`} variant="default">
              <FormattedMessage id="profiles.read.editButton" defaultMessage="Edit" />
            </Button>
          )}
          <Button onClick={() => window.print()}>
            <FormattedMessage id="profiles.read.printButton" defaultMessage="Print this profile" />
          </Button>
        </Group>
      </Group>
      <PageHeader
        eyebrow={
          <Text size="sm" fw={600} c="table.8">
            <FormattedMessage id="profiles.read.pageTitle" defaultMessage="Benchmarking profile" />
          </Text>
        }
        title={p.partnership.name}
        description={<PartnershipLine partnership={p.partnership} />}
      />
      <Text size="sm" c="dimmed">
        {p.status === "published" ? (
          <FormattedMessage
            id="profiles.read.publishedNote"
            defaultMessage="Published {date} for: {visibility}. The results are read from the partnership's impact indicators on {today}."
            values={{
              date: formatDate(p.publishedAt),
              visibility: visibilityLabels[p.visibility],
              today: formatDate(new Date().toISOString()),
            }}
          />
        ) : (
          <FormattedMessage
            id="profiles.read.draftNote"
            defaultMessage="Draft: only the partnership's members see it. The results are read from the partnership's impact indicators on {today}."
            values={{ today: formatDate(new Date().toISOString()) }}
          />
        )}
      </Text>
      <ProfileParts profile={p} idPrefix="profile" />
      <Text size="sm" className="no-print">
        <Anchor component={Link} to={`/p/${p.partnership.slug}`}>
          <FormattedMessage
            id="profiles.read.aboutLink"
            defaultMessage="About {name}"
            values={{ name: p.partnership.name }}
          />
        </Anchor>
      </Text>
    </Stack>
  );
}
