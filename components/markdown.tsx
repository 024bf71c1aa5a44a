import ReactMarkdown from "react-markdown";

/**
 * Staff-written Markdown. Raw HTML is dropped and link targets are cleaned by react-markdown,
 * so the text cannot carry script into the page.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="flex max-w-prose flex-col gap-3 [&_a]:underline [&_h2]:mt-2 [&_h2]:text-lg [&_h3]:font-bold [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6">
      <ReactMarkdown skipHtml>{children}</ReactMarkdown>
    </div>
  );
}
