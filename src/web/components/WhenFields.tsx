import { Select, SimpleGrid, TextInput } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";

/**
 * When something happens: start and end as wall times, and the IANA zone they are read in. One
 * component for meetings and events, so both read and check times the same way.
 */
export function WhenFields({
  starts,
  ends,
  timeZone,
  zoneOptions,
  endRequired = false,
  columns = 3,
  zoneDescription = "Times are read in this zone",
}: {
  starts: GetInputPropsReturnType;
  ends: GetInputPropsReturnType;
  timeZone: GetInputPropsReturnType;
  /** The zones offered, the current one first (see `timeZoneOptions`). */
  zoneOptions: string[];
  endRequired?: boolean;
  /** 3 side by side from small screens up; 1 stacks them (narrow forms). */
  columns?: 1 | 3;
  zoneDescription?: string;
}) {
  return (
    <SimpleGrid cols={columns === 1 ? 1 : { base: 1, sm: 3 }}>
      <TextInput type="datetime-local" label="Starts" required {...starts} />
      <TextInput type="datetime-local" label="Ends" required={endRequired} {...ends} />
      <Select
        label="Time zone"
        description={zoneDescription}
        data={zoneOptions}
        searchable
        allowDeselect={false}
        required
        {...timeZone}
      />
    </SimpleGrid>
  );
}
