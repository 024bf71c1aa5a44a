// Merges message fragments into messages/zh-CN.json and messages/en.json.
// usage: node scripts/messages-merge.mjs fragment.json   where fragment.json is { "zh-CN": {...}, "en": {...} }
// Keys in the fragment replace the same keys in the catalogues; other keys are kept.
import { readFileSync, renameSync, writeFileSync } from "node:fs";

const fragment = JSON.parse(readFileSync(process.argv[2], "utf8"));
const merge = (into, from) => {
  for (const [k, v] of Object.entries(from)) {
    if (v && typeof v === "object" && !Array.isArray(v) && into[k] && typeof into[k] === "object") merge(into[k], v);
    else into[k] = v;
  }
  return into;
};
for (const locale of ["zh-CN", "en"]) {
  if (!fragment[locale]) throw new Error(`fragment has no "${locale}" part`);
  const file = `messages/${locale}.json`;
  const merged = merge(JSON.parse(readFileSync(file, "utf8")), fragment[locale]);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(merged, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
console.log("merged", Object.keys(fragment["zh-CN"]).join(", "));
