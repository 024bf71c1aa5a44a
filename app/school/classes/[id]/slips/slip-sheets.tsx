"use client";

export type Slip = { id: string; name: string; username: string; password: string | null };

type Text = { qr: string; header: string; signin: string; username: string; password: string; changed: string; signInAt: string; firstSignIn: string };

/**
 * The slips, 8 to a sheet. A client component on purpose: the page then carries the slips as
 * compact data instead of a serialised element tree, which halves a 2,000-pupil page.
 */
export function SlipSheets({ slips, perSheet, text }: { slips: Slip[]; perSheet: number; text: Text }) {
  const sheets: Slip[][] = [];
  for (let i = 0; i < slips.length; i += perSheet) sheets.push(slips.slice(i, i + perSheet));
  return sheets.map((sheet, i) => (
    <div key={i} className="slip-sheet">
      {sheet.map((s) => (
        <article key={s.id} className="slip" data-testid="slip">
          <p className="slip-meta">{text.header}</p>
          <p className="slip-name">{s.name}</p>
          <dl>
            <dt>{text.username}</dt>
            <dd className="slip-code" data-testid="slip-username">
              {s.username}
            </dd>
            <dt>{text.password}</dt>
            {s.password ? (
              <dd className="slip-code" data-testid="slip-password">
                {s.password}
              </dd>
            ) : (
              <dd className="slip-meta">{text.changed}</dd>
            )}
          </dl>
          <div className="slip-foot">
            <p>
              {text.signInAt} <span className="slip-url">{text.signin}</span>
              {s.password ? <span className="slip-hint">{text.firstSignIn}</span> : null}
            </p>
            {/* A data: URL drawn on the server: next/image has nothing to optimise. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={text.qr} alt="" className="slip-qr" width={64} height={64} />
          </div>
        </article>
      ))}
    </div>
  ));
}
