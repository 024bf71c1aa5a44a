"use client";

// Client error boundary: it cannot load translations from the server, so it speaks both languages.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="flex flex-col gap-3">
      <h1 className="text-2xl">出错了 · Something went wrong</h1>
      <p>抱歉，页面出了点问题。Sorry, this page ran into a problem.</p>
      {error.digest ? <p className="text-sm text-ink-soft">编号 Reference: {error.digest}</p> : null}
      <button type="button" onClick={reset} className="min-h-11 self-start rounded-md bg-accent px-4 py-2 text-white">
        重试 · Try again
      </button>
    </div>
  );
}
