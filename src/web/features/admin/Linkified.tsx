import { Anchor } from "@mantine/core";

const urlPattern = /(https?:\/\/[^\s<>"')]+)/g;

/** Plain text with its web addresses turned into links. Nothing else is interpreted. */
export function Linkified({ text }: { text: string }) {
  const parts = text.split(urlPattern);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <Anchor key={i} href={part} rel="noopener noreferrer">
            {part}
          </Anchor>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}
