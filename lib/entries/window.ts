/**
 * When a school's pupils may submit and change entries: from the campaign's opening to its
 * closing, or to the school's extension if staff granted a later one. Checked on the server,
 * against instants (the campaign's times are stored as timestamptz, entered in Beijing time).
 */
export type SubmissionWindow = { opensAt: Date; closesAt: Date; extended: boolean };

export function submissionWindow(
  campaign: { submissionOpensAt: Date; submissionClosesAt: Date },
  extensionClosesAt: Date | null,
): SubmissionWindow {
  const extended = extensionClosesAt !== null && extensionClosesAt > campaign.submissionClosesAt;
  return { opensAt: campaign.submissionOpensAt, closesAt: extended ? extensionClosesAt : campaign.submissionClosesAt, extended };
}

export type WindowState = "not_open" | "open" | "closed";

/** Open from the opening instant until the closing instant (at 17:00:00 it is closed), as campaignPhase reads it. */
export function windowState(w: SubmissionWindow, now: Date): WindowState {
  if (now < w.opensAt) return "not_open";
  return now < w.closesAt ? "open" : "closed";
}
