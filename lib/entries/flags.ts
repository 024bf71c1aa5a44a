/** Personal information that would let a judge know who wrote an entry. */
export type EntryFlag = "name" | "school" | "phone";

// Mobile numbers (138 1234 5678, +86 138-1234-5678) and landlines with an area code (0315-1234567).
const phone = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)|(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/;

function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, "");
}

/**
 * Which kinds of personal information the text holds: the pupil's full name, their school's
 * name (also without the county prefix, e.g. 第一实验小学 for 滦南县第一实验小学), a phone number.
 */
export function personalInfoFlags(text: string, who: { pupilName: string; schoolName: string }): EntryFlag[] {
  const flat = squash(text);
  const flags: EntryFlag[] = [];
  const name = squash(who.pupilName);
  if (name.length >= 2 && flat.includes(name)) flags.push("name");
  const school = squash(who.schoolName);
  const short = school.replace(/^.{1,8}?[县市区]/, "");
  if ((school.length >= 4 && flat.includes(school)) || (short.length >= 4 && flat.includes(short))) flags.push("school");
  if (phone.test(text)) flags.push("phone");
  return flags;
}
