import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useParams } from "react-router";
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { formatDate } from "../../../core/format.js";
import { visibilities, visibilityLabels, type Visibility } from "../../../core/impact.js";
import {
  PROFILE_MAX_INDICATORS,
  PROFILE_MAX_STORIES,
  PROFILE_PART_MAX,
  profilePartLabels,
  profilePartPrompts,
  profileParts,
  type Profile,
} from "../../../core/profiles.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import NotFoundPage from "../errors/NotFoundPage.js";
import { useStories, useTracked } from "../impact/api.js";
import { usePartnership } from "../partnerships/api.js";
import { useProfile, useProfileActions } from "./api.js";
import { draftOf, sameDraft, type Draft } from "./draft.js";
import { ProfileParts } from "./ProfileParts.js";
import { indicatorName } from "../../../core/indicator-catalog.js";

/** The partnership's benchmarking profile in its workspace: conveners write and publish it. */
export default function ProfileEditorPage() {
  const intl = useIntl();
  const { slug } = useParams();
  const partnership = usePartnership(slug);
  const p = partnership.data;
  const profile = useProfile(p?.id);
  const pageTitle = intl.formatMessage({
    id: "profiles.read.pageTitle",
    defaultMessage: "Benchmarking profile",
  });
  usePageTitle(
    p
      ? intl.formatMessage(
          { id: "profiles.read.pageTitleNamed", defaultMessage: "Benchmarking profile of {name}" },
          { name: p.name },
        )
      : pageTitle,
  );
  if (partnership.isPending || (p && profile.isPending))
    return (
      <PageSkeleton
        label={intl.formatMessage({ id: "profiles.read.loading", defaultMessage: "Loading the profile" })}
      />
    );
  if (partnership.error instanceof ApiError && partnership.error.status === 404) return <NotFoundPage />;
  if (profile.error instanceof ApiError && profile.error.status === 404) return <NotFoundPage />;
  if (!p || !profile.data) {
    return <ErrorAlert error={partnership.error ?? profile.error} onRetry={() => void profile.refetch()} />;
  }
  return (
    <Stack gap="lg">
      <PageHeader
        title={pageTitle}
        description={intl.formatMessage(
          {
            id: "profiles.editor.description",
            defaultMessage:
              "{name}'s story in the six parts of the Next Gen Benchmarking Framework. Its results come live from the partnership's impact indicators.",
          },
          { name: p.name },
        )}
        actions={
          <Button component={Link} to="/profiles" variant="default">
            <FormattedMessage id="profiles.editor.allProfiles" defaultMessage="All profiles" />
          </Button>
        }
      />
      {profile.data.canEdit ? (
        <Editor key={p.id} profile={profile.data} partnershipId={p.id} />
      ) : (
        <ProfileParts profile={profile.data} idPrefix="profile" />
      )}
    </Stack>
  );
}

function StatusLine({ profile }: { profile: Profile }) {
  if (!profile.exists)
    return (
      <Text size="sm">
        <FormattedMessage
          id="profiles.editor.statusNew"
          defaultMessage="Not written yet: save a first draft."
        />
      </Text>
    );
  return (
    <Text size="sm">
      {profile.status === "published" ? (
        <FormattedMessage
          id="profiles.editor.statusPublished"
          defaultMessage="Published {date} for: {visibility}. <link>Read the published profile</link>"
          values={{
            date: formatDate(profile.publishedAt),
            visibility: visibilityLabels[profile.visibility],
            link: (chunks) => (
              <Anchor component={Link} to={`/profiles/${profile.partnership.slug}`}>
                {chunks}
              </Anchor>
            ),
          }}
        />
      ) : (
        <FormattedMessage
          id="profiles.editor.statusDraft"
          defaultMessage="Draft: only the partnership's members see it."
        />
      )}
    </Text>
  );
}

function Editor({ profile, partnershipId }: { profile: Profile; partnershipId: string }) {
  const intl = useIntl();
  const tracked = useTracked(partnershipId);
  const stories = useStories(partnershipId);
  const actions = useProfileActions(partnershipId, profile.partnership.slug);
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile));
  const [saved, setSaved] = useState<Draft>(() => draftOf(profile));
  const [visibility, setVisibility] = useState<Visibility>(profile.visibility);
  const [conflict, setConflict] = useState<Profile | null>(null);
  const [notice, setNotice] = useState("");
  const dirty = !profile.exists || !sameDraft(draft, saved);
  const busy = actions.save.isPending || actions.publish.isPending || actions.unpublish.isPending;
  const error = actions.save.error ?? actions.publish.error ?? actions.unpublish.error;
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};

  const remember = (next: Profile, message: string) => {
    setSaved(draftOf(next));
    setDraft(draftOf(next));
    setConflict(null);
    setNotice(message);
  };
  const caught = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409 && e.problem.current)
      setConflict(e.problem.current as Profile);
  };
  const save = async (): Promise<Profile | null> => {
    setNotice("");
    try {
      const next = await actions.save.mutateAsync({ ...draft, revision: profile.revision });
      remember(
        next,
        intl.formatMessage({ id: "profiles.editor.draftSaved", defaultMessage: "Draft saved." }),
      );
      return next;
    } catch (e) {
      caught(e);
      return null;
    }
  };
  const publish = async () => {
    const current = dirty ? await save() : profile;
    if (!current) return;
    try {
      const next = await actions.publish.mutateAsync({ revision: current.revision, visibility });
      remember(
        next,
        intl.formatMessage(
          { id: "profiles.editor.publishedNotice", defaultMessage: "Published for: {visibility}." },
          { visibility: visibilityLabels[visibility] },
        ),
      );
    } catch (e) {
      caught(e);
    }
  };
  const unpublish = async () => {
    setNotice("");
    try {
      remember(
        await actions.unpublish.mutateAsync(profile.revision),
        intl.formatMessage({ id: "profiles.editor.unpublishedNotice", defaultMessage: "Back to a draft." }),
      );
    } catch (e) {
      caught(e);
    }
  };
  const setPart = (key: (typeof profileParts)[number], value: string) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const visibleStories = stories.data?.items ?? [];

  return (
    <Stack gap="md">
      <StatusLine profile={profile} />
      {conflict && (
        <Alert
          color="yellow"
          title={intl.formatMessage({
            id: "profiles.editor.conflictTitle",
            defaultMessage: "Someone else changed this profile first",
          })}
          role="alert"
        >
          <Text size="sm" mb="sm">
            <FormattedMessage
              id="profiles.editor.conflictText"
              defaultMessage="Their version is revision {revision}. Load it to keep working from it; your unsaved words will be replaced."
              values={{ revision: conflict.revision }}
            />
          </Text>
          <Button
            size="xs"
            variant="white"
            onClick={() => {
              remember(
                conflict,
                intl.formatMessage({
                  id: "profiles.editor.conflictLoaded",
                  defaultMessage: "Their version is loaded.",
                }),
              );
              actions.save.reset();
            }}
          >
            <FormattedMessage id="profiles.editor.conflictLoadButton" defaultMessage="Load their version" />
          </Button>
        </Alert>
      )}
      {error && !conflict && (
        <ErrorAlert
          error={error}
          title={intl.formatMessage({ id: "profiles.editor.notSaved", defaultMessage: "Not saved" })}
        />
      )}
      <Text size="sm" role="status" aria-live="polite">
        {notice}
      </Text>
      <Tabs defaultValue="write" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="write">
            <FormattedMessage id="profiles.editor.writeTab" defaultMessage="Write" />
          </Tabs.Tab>
          <Tabs.Tab value="preview">
            <FormattedMessage id="profiles.editor.previewTab" defaultMessage="Preview as saved" />
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write">
          <Stack gap="md">
            {profileParts.map((key) => (
              <Textarea
                key={key}
                label={profilePartLabels[key]}
                description={intl.formatMessage(
                  {
                    id: "profiles.editor.partDescription",
                    defaultMessage: "{prompt} Markdown; {length, number} of {max, number} characters.",
                  },
                  { prompt: profilePartPrompts[key], length: draft[key].length, max: PROFILE_PART_MAX },
                )}
                value={draft[key]}
                maxLength={PROFILE_PART_MAX}
                autosize
                minRows={3}
                maxRows={14}
                error={fieldErrors[key]}
                onChange={(e) => setPart(key, e.currentTarget.value)}
              />
            ))}
            <Card withBorder component="fieldset" aria-describedby="profile-indicators-help">
              <Title order={2} fz="md" component="legend">
                <FormattedMessage
                  id="profiles.editor.indicatorsLegend"
                  defaultMessage="Indicators to feature"
                />
              </Title>
              <Text size="sm" c="dimmed" id="profile-indicators-help" mb="xs">
                <FormattedMessage
                  id="profiles.editor.indicatorsHelp"
                  defaultMessage="Up to {max} of the indicators the partnership tracks. Readers see each one's latest value and trend, as far as each value's own visibility allows them."
                  values={{ max: PROFILE_MAX_INDICATORS }}
                />
              </Text>
              {tracked.isPending ? (
                <PageSkeleton
                  label={intl.formatMessage({
                    id: "profiles.editor.loadingIndicators",
                    defaultMessage: "Loading the indicators",
                  })}
                />
              ) : (
                <Checkbox.Group
                  value={draft.indicators}
                  onChange={(indicators) => setDraft((d) => ({ ...d, indicators }))}
                  error={fieldErrors.indicators}
                >
                  <Stack gap={6}>
                    {(tracked.data?.items ?? []).map((i) => (
                      <Checkbox
                        key={i.key}
                        value={i.key}
                        label={
                          i.custom
                            ? intl.formatMessage(
                                { id: "profiles.editor.ownIndicator", defaultMessage: "{name} (our own)" },
                                { name: i.name },
                              )
                            : indicatorName(i)
                        }
                        disabled={
                          !draft.indicators.includes(i.key) &&
                          draft.indicators.length >= PROFILE_MAX_INDICATORS
                        }
                      />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
              {tracked.data?.items.length === 0 && (
                <Text size="sm">
                  <FormattedMessage
                    id="profiles.editor.noIndicators"
                    defaultMessage="The partnership tracks no indicator yet: choose some on the <link>Impact page</link>."
                    values={{
                      link: (chunks) => (
                        <Anchor component={Link} to={`/p/${profile.partnership.slug}/impact`}>
                          {chunks}
                        </Anchor>
                      ),
                    }}
                  />
                </Text>
              )}
            </Card>
            <Card withBorder component="fieldset" aria-describedby="profile-stories-help">
              <Title order={2} fz="md" component="legend">
                <FormattedMessage
                  id="profiles.editor.storiesLegend"
                  defaultMessage="Impact stories to feature"
                />
              </Title>
              <Text size="sm" c="dimmed" id="profile-stories-help" mb="xs">
                <FormattedMessage
                  id="profiles.editor.storiesHelp"
                  defaultMessage="Up to {max}. Each reader sees only the stories whose own visibility allows them."
                  values={{ max: PROFILE_MAX_STORIES }}
                />
              </Text>
              {visibleStories.length === 0 ? (
                <Text size="sm">
                  <FormattedMessage id="profiles.editor.noStories" defaultMessage="No impact story yet." />
                </Text>
              ) : (
                <Checkbox.Group
                  value={draft.stories}
                  onChange={(list) => setDraft((d) => ({ ...d, stories: list }))}
                  error={fieldErrors.stories}
                >
                  <Stack gap={6}>
                    {visibleStories.map((s) => (
                      <Checkbox
                        key={s.id}
                        value={s.id}
                        label={intl.formatMessage(
                          { id: "profiles.editor.storyOption", defaultMessage: "{title} ({visibility})" },
                          { title: s.title, visibility: visibilityLabels[s.visibility] },
                        )}
                        disabled={
                          !draft.stories.includes(s.id) && draft.stories.length >= PROFILE_MAX_STORIES
                        }
                      />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
            </Card>
            <Group>
              <Button onClick={() => void save()} loading={actions.save.isPending} disabled={busy || !dirty}>
                <FormattedMessage id="profiles.editor.saveDraft" defaultMessage="Save draft" />
              </Button>
            </Group>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="preview">
          {profile.exists ? (
            <ProfileParts profile={profile} idPrefix="preview" />
          ) : (
            <Text>
              <FormattedMessage
                id="profiles.editor.previewEmpty"
                defaultMessage="Save a first draft to preview it."
              />
            </Text>
          )}
        </Tabs.Panel>
      </Tabs>
      <Card withBorder component="section" aria-labelledby="profile-publishing">
        <Title order={2} fz="md" id="profile-publishing" mb="xs">
          <FormattedMessage id="profiles.editor.publishingTitle" defaultMessage="Publishing" />
        </Title>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={intl.formatMessage({
              id: "profiles.editor.visibilityLabel",
              defaultMessage: "Who may read it",
            })}
            value={visibility}
            onChange={(e) => setVisibility(e.currentTarget.value as Visibility)}
            data={visibilities.map((v) => ({ value: v, label: visibilityLabels[v] }))}
          />
          <Button onClick={() => void publish()} loading={actions.publish.isPending} disabled={busy}>
            {profile.status === "published" ? (
              <FormattedMessage id="profiles.editor.publishAgain" defaultMessage="Publish again" />
            ) : (
              <FormattedMessage id="profiles.editor.publish" defaultMessage="Publish" />
            )}
          </Button>
          {profile.status === "published" && (
            <Button
              variant="default"
              onClick={() => void unpublish()}
              loading={actions.unpublish.isPending}
              disabled={busy}
            >
              <FormattedMessage id="profiles.editor.unpublish" defaultMessage="Unpublish" />
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          <FormattedMessage
            id="profiles.editor.publishingHelp"
            defaultMessage="Publishing saves your changes first. Unpublishing returns it to a draft only members see."
          />
        </Text>
      </Card>
    </Stack>
  );
}
