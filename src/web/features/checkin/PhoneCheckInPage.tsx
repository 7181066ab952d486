import { Alert, Button, Card, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
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
          {sent ? "Check your e-mail" : `You're checked in, ${result.name}`}
        </Title>
        <Text size="lg">
          {sent
            ? `We sent a link to ${result.emailHint ?? "your e-mail"}. Open it to confirm that you are at ${result.meetingTitle}; until then you are not counted.`
            : result.status === "already_checked_in"
              ? `You were already checked in to ${result.meetingTitle}. Welcome!`
              : `Welcome to ${result.meetingTitle}!`}
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
        Check me in
      </Button>
      <Text size="sm" c="dimmed">
        As {page.me?.name}
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
          I'm a member
        </Button>
        <Button size="xl" fullWidth variant="default" onClick={() => setChoice("guest")}>
          I'm a guest
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {page.me && !page.me.member && (
        <Alert variant="light" color="blue">
          You are signed in as {page.me.name}, who is not a member of this partnership: add yourself as a
          guest.
        </Alert>
      )}
      <Title order={2} fz="xl">
        {choice === "member" ? "Find your name" : "Add yourself as a guest"}
      </Title>
      {choice === "member" ? (
        <NamePicker page={page} code={code} onDone={onDone} />
      ) : (
        <GuestForm token={page.token} defaultName={page.me?.name ?? ""} onDone={onDone} />
      )}
      <Button variant="subtle" onClick={() => setChoice(choice === "member" ? "guest" : "member")}>
        {choice === "member" ? "I'm a guest instead" : "I'm a member instead"}
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
  usePageTitle(page ? `Check in: ${page.meeting.title}` : "Check in");

  if (result) return <Done result={result} />;
  if (!code) {
    return (
      <Panel>
        <Title order={1} fz={28}>
          Check in to a meeting
        </Title>
        <CodeEntry />
      </Panel>
    );
  }
  if (query.isPending) return <PageSkeleton label="Opening the check-in" />;
  if (!page) {
    return (
      <Panel>
        <Title order={1} fz={28}>
          This code did not work
        </Title>
        <Text size="lg" role="alert">
          {errorMessage(query.error)}
        </Text>
        <CodeEntry label="Type the code from the screen" />
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
          Check in: {page.meeting.title}
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
