import { customType } from "drizzle-orm/pg-core";

/** Binary column for uploaded files; PGlite answers Uint8Array, pg answers Buffer: both become Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});
