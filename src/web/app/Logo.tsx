/** The Shared Table mark: a table with two seats. Decorative; the name is always next to it. */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--mantine-color-table-8)" />
      <rect x="7" y="13" width="18" height="4" rx="2" fill="#fff" />
      <rect x="9" y="17" width="3" height="8" rx="1.5" fill="#fff" />
      <rect x="20" y="17" width="3" height="8" rx="1.5" fill="#fff" />
      <circle cx="11" cy="9" r="2.5" fill="var(--mantine-color-harvest-3)" />
      <circle cx="21" cy="9" r="2.5" fill="var(--mantine-color-harvest-3)" />
    </svg>
  );
}
