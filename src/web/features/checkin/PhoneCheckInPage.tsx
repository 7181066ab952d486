import { Alert, Button, Card, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useParams } from "react-router";
import type { CheckInPage, CheckInResult } from "../../../core/checkin.js";
import { formatMeetingSpan } from "../../../core/meeting-time.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { checkInApi, useCheckInPage } from "./api.js";
import { CodeEntry } from "./CodeEntry.js";
import { GuestForm } from "./GuestForm.js";
import { NamePicker } from "./NamePicker.js";

/** Narrow and centred: made for a phone held in one hand at the door. */
function Panel({ children }: { children: React.ReactNode }) {
  return (
    <Card maw={480} mx="auto" p={{ base: "md", sm: "xl" }}>
      <Stack gap="lg">{children}</Stack>
    </Card>
  );
}

function Done({ result }: { result: CheckInResult }) {
  const sent = result.status === "confirmation_sent";
  return (
    <Panel>
      <div role="status">
        <Title order={1} fz={28} mb="sm">
          {sent ? (
            <FormattedMessage id="checkin.phone.checkEmail" defaultMessage="Check your e-mail" />
          ) : (
            <FormattedMessage
              id="checkin.phone.checkedIn"
              defaultMessage="You're checked in, {name}"
              values={{ name: result.name }}
            />
          )}
        </Title>
        <Text size="lg">
          {sent ? (
            result.emailHint ? (
              <FormattedMessage
                id="checkin.phone.linkSentTo"
                defaultMessage="We sent a link to {email}. Open it to confirm that you are at {meeting}; until then you are not counted."
                values={{ email: result.emailHint, meeting: result.meetingTitle }}
              />
            ) : (
              <FormattedMessage
                id="checkin.phone.linkSent"
                defaultMessage="We sent a link to your e-mail. Open it to confirm that you are at {meeting}; until then you are not counted."
                values={{ meeting: result.meetingTitle }}
              />
            )
          ) : result.status === "already_checked_in" ? (
            <FormattedMessage
              id="checkin.phone.alreadyCheckedIn"
              defaultMessage="You were already checked in to {meeting}. Welcome!"
              values={{ meeting: result.meetingTitle }}
            />
          ) : (
            <FormattedMessage
              id="checkin.phone.welcome"
              defaultMessage="Welcome to {meeting}!"
              values={{ meeting: result.meetingTitle }}
            />
          )}
        </Text>
      </div>
    </Panel>
  );
}

function OneTap({ page, onDone }: { page: CheckInPage; onDone: (r: CheckInResult) => void }) {
  const tap = useMutation({ mutationFn: () => checkInApi.me(page.token), onSuccess: onDone });
  return (
    <Stack gap="sm">
      <Button size="xl" fullWidth onClick={() => tap.mutate()} loading={tap.isPending}>
        <FormattedMessage id="checkin.phone.checkMeIn" defaultMessage="Check me in" />
      </Button>
      <Text size="sm" c="dimmed">
        <FormattedMessage
          id="checkin.phone.asName"
          defaultMessage="As {name}"
          values={{ name: page.me?.name }}
        />
      </Text>
      {tap.error && (
        <Text role="alert" c="red.9">
          {errorMessage(tap.error)}
        </Text>
      )}
    </Stack>
  );
}

function Choices({
  page,
  code,
  onDone,
}: {
  page: CheckInPage;
  code: string;
  onDone: (r: CheckInResult) => void;
}) {
  const [choice, setChoice] = useState<"member" | "guest" | null>(
    page.me && !page.me.member ? "guest" : null,
  );
  if (choice === null) {
    return (
      <Stack gap="md">
        <Button size="xl" fullWidth onClick={() => setChoice("member")}>
          <FormattedMessage id="checkin.phone.member" defaultMessage="I'm a member" />
        </Button>
        <Button size="xl" fullWidth variant="default" onClick={() => setChoice("guest")}>
          <FormattedMessage id="checkin.phone.guest" defaultMessage="I'm a guest" />
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {page.me && !page.me.member && (
        <Alert variant="light" color="blue">
          <FormattedMessage
            id="checkin.phone.notMember"
            defaultMessage="You are signed in as {name}, who is not a member of this partnership: add yourself as a guest."
            values={{ name: page.me.name }}
          />
        </Alert>
      )}
      <Title order={2} fz="xl">
        {choice === "member" ? (
          <FormattedMessage id="checkin.phone.findName" defaultMessage="Find your name" />
        ) : (
          <FormattedMessage id="checkin.phone.addGuest" defaultMessage="Add yourself as a guest" />
        )}
      </Title>
      {choice === "member" ? (
        <NamePicker page={page} code={code} onDone={onDone} />
      ) : (
        <GuestForm token={page.token} defaultName={page.me?.name ?? ""} onDone={onDone} />
      )}
      <Button variant="subtle" onClick={() => setChoice(choice === "member" ? "guest" : "member")}>
        {choice === "member" ? (
          <FormattedMessage id="checkin.phone.guestInstead" defaultMessage="I'm a guest instead" />
        ) : (
          <FormattedMessage id="checkin.phone.memberInstead" defaultMessage="I'm a member instead" />
        )}
      </Button>
    </Stack>
  );
}

/** Where the QR code leads (/check-in/<code>), and where people type the short code (/check-in). */
export default function PhoneCheckInPage() {
  const { code = "" } = useParams();
  const query = useCheckInPage(code);
  const [result, setResult] = useState<CheckInResult | null>(null);
  const page = query.data;
  const intl = useIntl();
  usePageTitle(
    page
      ? intl.formatMessage(
          { id: "checkin.phone.pageTitleMeeting", defaultMessage: "Check in: {meeting}" },
          { meeting: page.meeting.title },
        )
      : intl.formatMessage({ id: "checkin.phone.pageTitle", defaultMessage: "Check in" }),
  );

  if (result) return <Done result={result} />;
  if (!code) {
    return (
      <Panel>
        <Title order={1} fz={28}>
          <FormattedMessage id="checkin.phone.title" defaultMessage="Check in to a meeting" />
        </Title>
        <CodeEntry />
      </Panel>
    );
  }
  if (query.isPending) {
    return (
      <PageSkeleton
        label={intl.formatMessage({ id: "checkin.phone.loading", defaultMessage: "Opening the check-in" })}
      />
    );
  }
  if (!page) {
    return (
      <Panel>
        <Title order={1} fz={28}>
          <FormattedMessage id="checkin.phone.badCode" defaultMessage="This code did not work" />
        </Title>
        <Text size="lg" role="alert">
          {errorMessage(query.error)}
        </Text>
        <CodeEntry
          label={intl.formatMessage({
            id: "checkin.phone.codeLabel",
            defaultMessage: "Type the code from the screen",
          })}
        />
      </Panel>
    );
  }
  if (page.me?.checkedIn) {
    return (
      <Done
        result={{
          status: "already_checked_in",
          name: page.me.name,
          meetingTitle: page.meeting.title,
          emailHint: null,
        }}
      />
    );
  }
  return (
    <Panel>
      <div>
        <Text fw={600} c="dimmed">
          {page.meeting.partnershipName}
        </Text>
        <Title order={1} fz={28} lh={1.2}>
          <FormattedMessage
            id="checkin.phone.pageTitleMeeting"
            defaultMessage="Check in: {meeting}"
            values={{ meeting: page.meeting.title }}
          />
        </Title>
        <Text>{formatMeetingSpan(page.meeting.startsAt, page.meeting.endsAt, page.meeting.timeZone)}</Text>
      </div>
      {page.me?.member ? (
        <OneTap page={page} onDone={setResult} />
      ) : (
        <Choices page={page} code={code} onDone={setResult} />
      )}
    </Panel>
  );
}
