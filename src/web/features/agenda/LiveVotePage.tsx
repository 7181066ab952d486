import { useEffect, useState } from "react";
import { Alert, Anchor, Button, Card, Stack, Text, TextInput, Title } from "@mantine/core";
import { Link, useLocation, useSearchParams } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import { isShortCode, normalizeShortCode } from "../../../core/checkin.js";
import type { LiveGuestResult, LiveVotePhone } from "../../../core/live-vote.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { GuestForm } from "../checkin/GuestForm.js";
import { DotBallot, RatingBallot } from "./Ballots.js";
import { guestTokens, liveApi, useLivePhone } from "./liveApi.js";
import { agendaWords } from "./messages.js";

/** Narrow and centred: made for a phone held in one hand. */
function Panel({ children }: { children: React.ReactNode }) {
  return (
    <Card maw={480} mx="auto" p={{ base: "md", sm: "xl" }}>
      <Stack gap="lg">{children}</Stack>
    </Card>
  );
}

/** Typing the six characters shown on the projector. */
function CodeForm() {
  const intl = useIntl();
  const [, setParams] = useSearchParams();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!isShortCode(code)) {
          setError(
            intl.formatMessage({
              id: "agenda.livePhone.codeInvalid",
              defaultMessage: "Type the six letters and digits shown on the screen, such as K7Q-M2P.",
            }),
          );
          return;
        }
        setParams({ code: normalizeShortCode(code) });
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={intl.formatMessage({
            id: "agenda.livePhone.codeLabel",
            defaultMessage: "Code on the screen",
          })}
          description={intl.formatMessage({
            id: "agenda.livePhone.codeHelp",
            defaultMessage: "Six characters, shown under the QR code",
          })}
          size="lg"
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          styles={{ input: { fontFamily: "monospace", letterSpacing: "0.15em", textTransform: "uppercase" } }}
        />
        <Button type="submit" size="lg" fullWidth>
          <FormattedMessage id="agenda.livePhone.continueButton" defaultMessage="Continue" />
        </Button>
      </Stack>
    </form>
  );
}

function Items({ page }: { page: LiveVotePhone }) {
  const intl = useIntl();
  return (
    <Stack
      component="ol"
      gap={4}
      pl="lg"
      m={0}
      aria-label={intl.formatMessage({
        id: "agenda.livePhone.itemsLabel",
        defaultMessage: "Opportunities in this vote",
      })}
    >
      {page.round.items.map((item) => (
        <Text component="li" key={item.opportunityId} size="lg">
          {item.title}
        </Text>
      ))}
    </Stack>
  );
}

/** Someone not signed in: sign in (members), or check in as a guest with name, organization and sector. */
function Join({ page, onJoined }: { page: LiveVotePhone; onJoined: (r: LiveGuestResult) => void }) {
  const intl = useIntl();
  const location = useLocation();
  const next = `${location.pathname}${location.search}`;
  return (
    <Stack gap="md">
      <Button component={Link} to={`/signin?next=${encodeURIComponent(next)}`} size="lg" fullWidth>
        <FormattedMessage id="agenda.livePhone.memberSignIn" defaultMessage="I'm a member: sign in" />
      </Button>
      <Title order={2} fz="xl">
        <FormattedMessage id="agenda.livePhone.guestTitle" defaultMessage="Or vote as a guest" />
      </Title>
      <Text size="sm">
        <FormattedMessage
          id="agenda.livePhone.guestIntro"
          defaultMessage="Guests from a business vote; guests from a public or community partner watch, as public members do."
        />
      </Text>
      <GuestForm<LiveGuestResult>
        token={page.code}
        send={(guest) => liveApi.join({ ...guest, code: page.code, roundId: page.round.id })}
        onDone={onJoined}
        submitLabel={intl.formatMessage({
          id: "agenda.livePhone.checkInButton",
          defaultMessage: "Check me in",
        })}
      />
    </Stack>
  );
}

/** Where the projector's QR code leads: /live?code=…&round=…, or /live to type the short code. */
export default function LiveVotePage() {
  const intl = useIntl();
  const [params, setParams] = useSearchParams();
  const code = params.get("code") ?? "";
  const roundParam = params.get("round") ?? "";
  const [token, setToken] = useState<string | null>(() => (roundParam ? guestTokens.get(roundParam) : null));
  const [watching, setWatching] = useState<string | null>(null);
  const query = useLivePhone(code, roundParam, token);
  const page = query.data;
  usePageTitle(
    page
      ? intl.formatMessage(
          { id: "agenda.livePhone.pageTitle", defaultMessage: "Vote: {title}" },
          { title: page.round.title },
        )
      : intl.formatMessage(agendaWords.liveVote),
  );

  // A typed short code found the round: keep it in the address, and the phone's token for it.
  useEffect(() => {
    if (page && !roundParam) {
      setToken(guestTokens.get(page.round.id));
      setParams({ code: page.code, round: page.round.id }, { replace: true });
    }
  }, [page, roundParam, setParams]);

  if (!code) {
    return (
      <Panel>
        <Title order={1} fz={28}>
          <FormattedMessage id="agenda.livePhone.joinTitle" defaultMessage="Join the live vote" />
        </Title>
        <CodeForm />
      </Panel>
    );
  }
  if (query.isPending) return <PageSkeleton label={intl.formatMessage(agendaWords.openingLiveVote)} />;
  if (!page) {
    return (
      <Panel>
        <Title order={1} fz={28}>
          <FormattedMessage id="agenda.livePhone.codeFailed" defaultMessage="This code did not work" />
        </Title>
        <Text size="lg" role="alert">
          {errorMessage(query.error)}
        </Text>
        <CodeForm />
      </Panel>
    );
  }
  const open = page.round.status === "open" && !page.votingEnded;
  const refresh = () => void query.refetch();
  const watchNote =
    page.note ??
    intl.formatMessage({
      id: "agenda.livePhone.watchNote",
      defaultMessage: "Only business people vote on priorities, so the partnership stays industry-driven.",
    });
  const ballotProps = {
    partnershipId: page.round.partnershipId,
    round: { ...page.round, myBallot: page.myBallot },
    onVoted: refresh,
    large: true,
    send:
      page.viewer === "guest" && token
        ? (body: Parameters<typeof liveApi.guestVote>[2]) => liveApi.guestVote(page.round.id, token, body)
        : undefined,
  };

  return (
    <Panel>
      <div>
        <Text fw={600} c="dimmed">
          {page.meeting.partnershipName} · {page.meeting.title}
        </Text>
        <Title order={1} fz={28} lh={1.2}>
          {page.round.title}
        </Title>
        <Text data-testid="phone-voter-count">
          <FormattedMessage
            id="agenda.livePhone.voterCount"
            defaultMessage="{count, plural, one {# business leader has} other {# business leaders have}} voted so far"
            values={{ count: page.round.voterCount }}
          />
        </Text>
      </div>
      {!open ? (
        <Alert
          variant="light"
          color="gray"
          c="gray.9"
          title={intl.formatMessage({
            id: "agenda.livePhone.closedTitle",
            defaultMessage: "Voting is closed",
          })}
        >
          {page.myBallot ? (
            <FormattedMessage
              id="agenda.livePhone.closedCounted"
              defaultMessage="Your vote was counted. The results are on the screen."
            />
          ) : (
            <FormattedMessage
              id="agenda.livePhone.closedText"
              defaultMessage="The results are on the screen."
            />
          )}
        </Alert>
      ) : page.viewer === "member" || page.viewer === "guest" ? (
        <>
          <Text size="sm" c="dimmed">
            {page.viewer === "guest" ? (
              <FormattedMessage
                id="agenda.livePhone.votingAsGuest"
                defaultMessage="Voting as {name} (guest)"
                values={{ name: page.name }}
              />
            ) : (
              <FormattedMessage
                id="agenda.livePhone.votingAs"
                defaultMessage="Voting as {name}"
                values={{ name: page.name }}
              />
            )}
          </Text>
          {page.myBallot && (
            <Alert
              variant="light"
              color="table"
              c="gray.9"
              role="status"
              title={intl.formatMessage({
                id: "agenda.livePhone.countedTitle",
                defaultMessage: "Your vote is counted",
              })}
            >
              <FormattedMessage
                id="agenda.livePhone.countedText"
                defaultMessage="You can change it until the convener closes the vote."
              />
            </Alert>
          )}
          {page.round.method === "dots" ? (
            <DotBallot key={page.myBallot?.updatedAt ?? "new"} {...ballotProps} />
          ) : (
            <RatingBallot key={page.myBallot?.updatedAt ?? "new"} {...ballotProps} />
          )}
        </>
      ) : page.viewer === "watch" || watching ? (
        <>
          <Alert
            variant="light"
            color="blue"
            c="gray.9"
            title={intl.formatMessage({
              id: "agenda.livePhone.watchTitle",
              defaultMessage: "Public partners watch",
            })}
            role="status"
          >
            {watching ? (
              <FormattedMessage
                id="agenda.livePhone.watchCheckedIn"
                defaultMessage="You're checked in, {name}. {note} The results show on the screen when the vote closes."
                values={{ name: watching, note: watchNote }}
              />
            ) : (
              <FormattedMessage
                id="agenda.livePhone.watchText"
                defaultMessage="{note} The results show on the screen when the vote closes."
                values={{ note: watchNote }}
              />
            )}
          </Alert>
          <Items page={page} />
        </>
      ) : (
        <>
          <Items page={page} />
          <Join
            page={page}
            onJoined={(result) => {
              if (result.token) {
                guestTokens.set(page.round.id, result.token);
                setToken(result.token);
              } else setWatching(result.name);
            }}
          />
        </>
      )}
      {page.viewer === "member" && (
        <Anchor component={Link} to="/me" size="sm">
          <FormattedMessage {...agendaWords.myPartnerships} />
        </Anchor>
      )}
    </Panel>
  );
}
