import { Button } from "@mantine/core";
import { FormattedMessage } from "react-intl";
import { Link } from "react-router";

/** On the meeting page, for conveners: opens the check-in screen to show in the room. */
export function CheckInButton({ meetingId }: { meetingId: string }) {
  return (
    <Button component={Link} to={`/meetings/${meetingId}/check-in`}>
      <FormattedMessage id="checkin.button.label" defaultMessage="Check-in" />
    </Button>
  );
}
