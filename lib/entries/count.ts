/**
 * Essay length as Chinese teachers count it (字数), the same on the form and on the server:
 * every Chinese character counts one, every punctuation mark counts one, a run of Latin
 * letters or digits (an English word, a number such as 2026) counts one, and spaces and line
 * breaks count nothing.
 */
const unit = /\p{Script=Han}|[\p{Script=Latin}\p{Nd}]+|[^\s\p{Script=Latin}\p{Nd}]/gu;

export function countChars(text: string): number {
  return text.match(unit)?.length ?? 0;
}
