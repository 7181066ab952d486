import { useState } from "react";
import { Link } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import { Alert, Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { NAICS_LEVEL_LABELS } from "../../../core/qcew/profile.js";
import type { ShortlistDetail, ShortlistItem } from "../../../core/qcew/shortlist.js";
import { SHORTLIST_LIMITS } from "../../../core/qcew/shortlist.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import {
  useAddTeammate,
  useEditShortlistNote,
  useMyShortlists,
  useRemoveShortlistItem,
  useRemoveTeammate,
  useShortlist,
} from "./choice-api.js";
import { startPartnershipHref } from "./partnership-link.js";

function NoteEditor({ shortlistId, item }: { shortlistId: string; item: ShortlistItem }) {
  const intl = useIntl();
  const [note, setNote] = useState(item.note);
  const [seen, setSeen] = useState(item.version);
  const edit = useEditShortlistNote(shortlistId);
  // A newer note from a teammate (or our own save) replaces what is typed only when untouched.
  if (item.version !== seen) {
    setSeen(item.version);
    setNote(item.note);
  }
  const conflict = edit.error instanceof ApiError && edit.error.status === 409;
  return (
    <Stack gap={4}>
      <Textarea
        label={intl.formatMessage(
          { id: "regionEconomy.shortlist.noteLabel", defaultMessage: "Note on {title}" },
          { title: item.title },
        )}
        autosize
        minRows={2}
        maxLength={SHORTLIST_LIMITS.note}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Group gap="xs">
        <Button
          size="compact-sm"
          variant="default"
          disabled={note === item.note}
          loading={edit.isPending}
          onClick={() => edit.mutate({ itemId: item.id, version: item.version, note })}
        >
          <FormattedMessage id="regionEconomy.shortlist.saveNote" defaultMessage="Save note" />
        </Button>
        {edit.isSuccess && note === item.note && (
          <Text size="xs" c="dimmed" role="status">
            <FormattedMessage id="regionEconomy.shortlist.saved" defaultMessage="Saved" />
          </Text>
        )}
      </Group>
      {edit.error && (
        <Text size="sm" c="red.9" role="alert">
          {conflict
            ? intl.formatMessage({
                id: "regionEconomy.shortlist.noteConflict",
                defaultMessage:
                  "A teammate changed this note first. Their note is shown in the list after a reload; copy yours before reloading.",
              })
            : errorMessage(edit.error)}
        </Text>
      )}
    </Stack>
  );
}

function ItemCard({ s, item }: { s: ShortlistDetail; item: ShortlistItem }) {
  const intl = useIntl();
  const remove = useRemoveShortlistItem(s.id);
  const regionName = s.regionName || s.name;
  return (
    <Card withBorder padding="sm" data-testid={`shortlist-item-${item.code}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>
            {item.title}{" "}
            <Text span size="xs" c="dimmed">
              {item.code}
            </Text>
          </Text>
          <Group gap={6}>
            {item.partnership && (
              <Button
                size="compact-sm"
                component={Link}
                to={startPartnershipHref(intl, {
                  regionName,
                  industry: item,
                  partnership: item.partnership,
                  counties: s.counties,
                })}
                aria-label={intl.formatMessage(
                  {
                    id: "regionEconomy.startPartnershipLabel",
                    defaultMessage: "Start a partnership in {title}",
                  },
                  { title: item.title },
                )}
              >
                <FormattedMessage id="regionEconomy.startPartnership" defaultMessage="Start a partnership" />
              </Button>
            )}
            {s.role === "owner" && (
              <Button
                size="compact-sm"
                variant="default"
                loading={remove.isPending}
                onClick={() => remove.mutate(item.id)}
                aria-label={intl.formatMessage(
                  {
                    id: "regionEconomy.shortlist.removeItemLabel",
                    defaultMessage: "Remove {title} from the shortlist",
                  },
                  { title: item.title },
                )}
              >
                <FormattedMessage id="regionEconomy.shortlist.remove" defaultMessage="Remove" />
              </Button>
            )}
          </Group>
        </Group>
        {item.partnership?.widened && (
          <Text size="xs" c="dimmed">
            <FormattedMessage
              id="regionEconomy.widenedNote"
              defaultMessage="A partnership is registered under {code}, the nearest NAICS code it accepts."
              values={{ code: item.partnership.code }}
            />
          </Text>
        )}
        {!item.partnership && (
          <Text size="xs" c="dimmed">
            <FormattedMessage
              id="regionEconomy.shortlist.noPartnershipCode"
              defaultMessage="This code has no NAICS industry a partnership can be registered under."
            />
          </Text>
        )}
        <NoteEditor shortlistId={s.id} item={item} />
      </Stack>
    </Card>
  );
}

function Teammates({ s }: { s: ShortlistDetail }) {
  const intl = useIntl();
  const [email, setEmail] = useState("");
  const add = useAddTeammate(s.id);
  const remove = useRemoveTeammate(s.id);
  const fieldError = add.error instanceof ApiError ? add.error.fieldErrors().email : undefined;
  return (
    <Stack gap="xs">
      <Title order={4}>
        <FormattedMessage id="regionEconomy.shortlist.teammatesHeading" defaultMessage="Teammates" />
      </Title>
      <Text size="sm" c="dimmed">
        <FormattedMessage
          id="regionEconomy.shortlist.owner"
          defaultMessage="Owner: {name}. Teammates read this shortlist and edit its notes."
          values={{ name: s.owner.name }}
        />
      </Text>
      {s.teammates.length === 0 ? (
        <Text size="sm">
          <FormattedMessage id="regionEconomy.shortlist.noTeammates" defaultMessage="No teammates yet." />
        </Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {s.teammates.map((t) => (
            <Group component="li" key={t.userId} gap="xs">
              <Text size="sm">
                {t.name}
                {t.email ? ` (${t.email})` : ""}
              </Text>
              {s.role === "owner" && (
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() => remove.mutate(t.userId)}
                  aria-label={intl.formatMessage(
                    {
                      id: "regionEconomy.shortlist.removeTeammateLabel",
                      defaultMessage: "Remove {name} from the shortlist's teammates",
                    },
                    { name: t.name },
                  )}
                >
                  <FormattedMessage id="regionEconomy.shortlist.remove" defaultMessage="Remove" />
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {s.role === "owner" && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(email, { onSuccess: () => setEmail("") });
          }}
        >
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label={intl.formatMessage({
                id: "regionEconomy.shortlist.addTeammateLabel",
                defaultMessage: "Add a teammate by e-mail",
              })}
              description={intl.formatMessage({
                id: "regionEconomy.shortlist.addTeammateDescription",
                defaultMessage: "They need an account on Shared Table.",
              })}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldError ?? (add.error && !fieldError ? errorMessage(add.error) : undefined)}
              miw={240}
            />
            <Button type="submit" variant="default" loading={add.isPending} disabled={!email.trim()}>
              <FormattedMessage id="regionEconomy.shortlist.addTeammate" defaultMessage="Add teammate" />
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

/** The signed-in person's shortlists, one open with its industries, notes and teammates. */
export function ShortlistPanel({
  signedIn,
  activeId,
  onChoose,
}: {
  signedIn: boolean;
  activeId: string | null;
  onChoose: (id: string | null) => void;
}) {
  const intl = useIntl();
  const mine = useMyShortlists(signedIn);
  const detail = useShortlist(activeId);
  if (!signedIn)
    return (
      <Alert
        variant="light"
        title={intl.formatMessage({
          id: "regionEconomy.shortlist.signInTitle",
          defaultMessage: "Sign in to keep a shortlist",
        })}
        role="status"
      >
        <Text size="sm">
          <FormattedMessage
            id="regionEconomy.shortlist.signInText"
            defaultMessage="A shortlist keeps the industries your regional team is weighing, with notes, shared with teammates. <link>Sign in</link> first."
            values={{ link: (chunks) => <Link to="/signin">{chunks}</Link> }}
          />
        </Text>
      </Alert>
    );
  const s = detail.data;
  return (
    <Stack gap="md" data-testid="shortlists">
      <Select
        label={intl.formatMessage({
          id: "regionEconomy.shortlist.mineLabel",
          defaultMessage: "My shortlists",
        })}
        description={intl.formatMessage({
          id: "regionEconomy.shortlist.mineDescription",
          defaultMessage:
            "Yours and those a teammate shared with you. Add industries from the ranking's Shortlist buttons.",
        })}
        placeholder={
          mine.data?.length
            ? intl.formatMessage({
                id: "regionEconomy.shortlist.choose",
                defaultMessage: "Choose a shortlist",
              })
            : intl.formatMessage({ id: "regionEconomy.shortlist.none", defaultMessage: "No shortlists yet" })
        }
        data={(mine.data ?? []).map((x) => ({
          value: x.id,
          label: intl.formatMessage(
            {
              id: "regionEconomy.shortlist.option",
              defaultMessage:
                "{name} ({count, plural, one {# industry} other {# industries}}{shared, select, yes {, shared by {owner}} other {}})",
            },
            {
              name: x.name,
              count: x.items,
              shared: x.role === "teammate" ? "yes" : "no",
              owner: x.owner.name,
            },
          ),
        }))}
        value={activeId}
        onChange={onChoose}
        clearable
        maw={520}
      />
      {detail.error && <Text c="red.9">{errorMessage(detail.error)}</Text>}
      {s && (
        <Stack gap="sm">
          <Stack gap={2}>
            <Title order={3}>{s.name}</Title>
            <Text size="sm" c="dimmed">
              <FormattedMessage
                id="regionEconomy.shortlist.detail"
                defaultMessage="{hasRegion, select, yes {{region}: } other {}}{count, plural, one {# county} other {# counties}}{hasCbsa, select, yes { (CBSA {cbsa})} other {}} · {level} · {year}"
                values={{
                  hasRegion: s.regionName ? "yes" : "no",
                  region: s.regionName,
                  count: s.counties.length,
                  hasCbsa: s.cbsa ? "yes" : "no",
                  cbsa: s.cbsa ?? "",
                  level: NAICS_LEVEL_LABELS[s.level],
                  year: String(s.year),
                }}
              />
            </Text>
          </Stack>
          {s.items.length === 0 ? (
            <Text size="sm">
              <FormattedMessage
                id="regionEconomy.shortlist.empty"
                defaultMessage="No industries yet: use Shortlist on a row of the ranking."
              />
            </Text>
          ) : (
            s.items.map((item) => <ItemCard key={item.id} s={s} item={item} />)
          )}
          <Teammates s={s} />
        </Stack>
      )}
    </Stack>
  );
}
