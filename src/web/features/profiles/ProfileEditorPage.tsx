import { useState } from "react";
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

/** The partnership's benchmarking profile in its workspace: conveners write and publish it. */
export default function ProfileEditorPage() {
  const { slug } = useParams();
  const partnership = usePartnership(slug);
  const p = partnership.data;
  const profile = useProfile(p?.id);
  usePageTitle(p ? `Benchmarking profile of ${p.name}` : "Benchmarking profile");
  if (partnership.isPending || (p && profile.isPending)) return <PageSkeleton label="Loading the profile" />;
  if (partnership.error instanceof ApiError && partnership.error.status === 404) return <NotFoundPage />;
  if (profile.error instanceof ApiError && profile.error.status === 404) return <NotFoundPage />;
  if (!p || !profile.data) {
    return <ErrorAlert error={partnership.error ?? profile.error} onRetry={() => void profile.refetch()} />;
  }
  return (
    <Stack gap="lg">
      <PageHeader
        title="Benchmarking profile"
        description={`${p.name}'s story in the six parts of the Next Gen Benchmarking Framework. Its results come live from the partnership's impact indicators.`}
        actions={
          <Button component={Link} to="/profiles" variant="default">
            All profiles
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
  if (!profile.exists) return <Text size="sm">Not written yet: save a first draft.</Text>;
  return (
    <Text size="sm">
      {profile.status === "published"
        ? `Published ${formatDate(profile.publishedAt)} for: ${visibilityLabels[profile.visibility]}.`
        : "Draft: only the partnership's members see it."}{" "}
      {profile.status === "published" && (
        <Anchor component={Link} to={`/profiles/${profile.partnership.slug}`}>
          Read the published profile
        </Anchor>
      )}
    </Text>
  );
}

function Editor({ profile, partnershipId }: { profile: Profile; partnershipId: string }) {
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
      remember(next, "Draft saved.");
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
      remember(next, `Published for: ${visibilityLabels[visibility]}.`);
    } catch (e) {
      caught(e);
    }
  };
  const unpublish = async () => {
    setNotice("");
    try {
      remember(await actions.unpublish.mutateAsync(profile.revision), "Back to a draft.");
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
        <Alert color="yellow" title="Someone else changed this profile first" role="alert">
          <Text size="sm" mb="sm">
            Their version is revision {conflict.revision}. Load it to keep working from it; your unsaved words
            will be replaced.
          </Text>
          <Button
            size="xs"
            variant="white"
            onClick={() => {
              remember(conflict, "Their version is loaded.");
              actions.save.reset();
            }}
          >
            Load their version
          </Button>
        </Alert>
      )}
      {error && !conflict && <ErrorAlert error={error} title="Not saved" />}
      <Text size="sm" role="status" aria-live="polite">
        {notice}
      </Text>
      <Tabs defaultValue="write" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="write">Write</Tabs.Tab>
          <Tabs.Tab value="preview">Preview as saved</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write">
          <Stack gap="md">
            {profileParts.map((key) => (
              <Textarea
                key={key}
                label={profilePartLabels[key]}
                description={`${profilePartPrompts[key]} Markdown; ${draft[key].length.toLocaleString("en-US")} of ${PROFILE_PART_MAX.toLocaleString("en-US")} characters.`}
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
                Indicators to feature
              </Title>
              <Text size="sm" c="dimmed" id="profile-indicators-help" mb="xs">
                Up to {PROFILE_MAX_INDICATORS} of the indicators the partnership tracks. Readers see each
                one&apos;s latest value and trend, as far as each value&apos;s own visibility allows them.
              </Text>
              {tracked.isPending ? (
                <PageSkeleton label="Loading the indicators" />
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
                        label={i.custom ? `${i.name} (our own)` : i.name}
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
                  The partnership tracks no indicator yet: choose some on the{" "}
                  <Anchor component={Link} to={`/p/${profile.partnership.slug}/impact`}>
                    Impact page
                  </Anchor>
                  .
                </Text>
              )}
            </Card>
            <Card withBorder component="fieldset" aria-describedby="profile-stories-help">
              <Title order={2} fz="md" component="legend">
                Impact stories to feature
              </Title>
              <Text size="sm" c="dimmed" id="profile-stories-help" mb="xs">
                Up to {PROFILE_MAX_STORIES}. Each reader sees only the stories whose own visibility allows
                them.
              </Text>
              {visibleStories.length === 0 ? (
                <Text size="sm">No impact story yet.</Text>
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
                        label={`${s.title} (${visibilityLabels[s.visibility]})`}
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
                Save draft
              </Button>
            </Group>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="preview">
          {profile.exists ? (
            <ProfileParts profile={profile} idPrefix="preview" />
          ) : (
            <Text>Save a first draft to preview it.</Text>
          )}
        </Tabs.Panel>
      </Tabs>
      <Card withBorder component="section" aria-labelledby="profile-publishing">
        <Title order={2} fz="md" id="profile-publishing" mb="xs">
          Publishing
        </Title>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label="Who may read it"
            value={visibility}
            onChange={(e) => setVisibility(e.currentTarget.value as Visibility)}
            data={visibilities.map((v) => ({ value: v, label: visibilityLabels[v] }))}
          />
          <Button onClick={() => void publish()} loading={actions.publish.isPending} disabled={busy}>
            {profile.status === "published" ? "Publish again" : "Publish"}
          </Button>
          {profile.status === "published" && (
            <Button
              variant="default"
              onClick={() => void unpublish()}
              loading={actions.unpublish.isPending}
              disabled={busy}
            >
              Unpublish
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          Publishing saves your changes first. Unpublishing returns it to a draft only members see.
        </Text>
      </Card>
    </Stack>
  );
}
