// Text people wrote, shown as text: paragraphs at blank lines, line breaks kept, and http(s) addresses
// as links (rel="nofollow noopener noreferrer"). Nothing else is markup: React escapes the rest.
import { Fragment } from "react";

const ADDRESS = /(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]])/g;

function Linked({ text }: { text: string }) {
  const parts = text.split(ADDRESS);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in their order
          <a key={i} href={part} rel="nofollow noopener noreferrer">
            {part}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in their order
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export function PlainText({ text }: { text: string }) {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim() !== "");
  return (
    <div className="plain-text">
      {paragraphs.map((paragraph, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of one text, in their order
        <p key={i} style={{ whiteSpace: "pre-line" }}>
          <Linked text={paragraph} />
        </p>
      ))}
    </div>
  );
}
