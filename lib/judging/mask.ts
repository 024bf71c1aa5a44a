/**
 * A pupil's name as public lists show it (rule 9): 张*明, 王*, 欧阳**华. Latin names keep
 * their first letter of each part: Li Ming → L* M***.
 */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (/^[\p{Script=Latin}\s.'-]+$/u.test(trimmed)) {
    return trimmed
      .split(/\s+/)
      .map((part) => part.slice(0, 1) + "*".repeat(Math.max(0, part.length - 1)))
      .join(" ");
  }
  const chars = [...trimmed];
  if (chars.length <= 1) return trimmed;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars.at(-1)}`;
}
