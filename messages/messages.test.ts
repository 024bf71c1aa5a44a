import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import zhCN from "./zh-CN.json";

// The two message files must stay in step: same keys, nothing left blank, and every
// message takes the same ICU arguments in both languages (a `{name}` missing from one
// language shows up as a raw brace or a missing value only at run time otherwise).

type Tree = { [key: string]: string | Tree };

const catalogs = { "zh-CN": zhCN as Tree, en: en as Tree } as const;

function flatten(tree: Tree, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of flatten(value as Tree, `${path}.`)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

type ArgKind = "plain" | "number" | "date" | "select";
type Args = Map<string, ArgKind>;

/** Finds the index of the brace closing the one at `open`, honouring ICU quoting. */
function closingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === "'" && (s[i + 1] === "{" || s[i + 1] === "}")) {
      const end = s.indexOf("'", i + 1);
      if (end < 0) break;
      i = end;
    } else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in ${JSON.stringify(s)}`);
}

/**
 * The ICU arguments of a message (`{name}`, `{n, number}`, `{n, plural, …}`, `{x, select, …}`),
 * with the arguments inside plural/select branches, and `<tag>` rich-text tags.
 */
function icuArgs(message: string, into: Args = new Map()): Args {
  for (const m of message.matchAll(/<([A-Za-z][\w-]*)>/g)) into.set(`<${m[1]}>`, "plain");
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (c === "'" && message[i + 1] === "'") {
      i++;
      continue;
    }
    if (c === "'" && (message[i + 1] === "{" || message[i + 1] === "}")) {
      const end = message.indexOf("'", i + 1);
      if (end < 0) break;
      i = end;
      continue;
    }
    if (c === "}") throw new Error(`stray "}" in ${JSON.stringify(message)}`);
    if (c !== "{") continue;
    const end = closingBrace(message, i);
    const body = message.slice(i + 1, end);
    const [rawName, rawType, ...rest] = body.split(",");
    const name = rawName!.trim();
    if (!/^[\p{L}\w]+$/u.test(name)) throw new Error(`bad argument name ${JSON.stringify(name)} in ${JSON.stringify(message)}`);
    const type = rawType?.trim();
    if (type === "plural" || type === "selectordinal" || type === "select") {
      into.set(name, type === "select" ? "select" : "number");
      // Branch bodies: `one {…} other {…}`; recurse into each.
      const branches = rest.join(",");
      for (let j = 0; j < branches.length; j++) {
        if (branches[j] !== "{") continue;
        const close = closingBrace(branches, j);
        icuArgs(branches.slice(j + 1, close), into);
        j = close;
      }
    } else if (type === "number") into.set(name, "number");
    else if (type === "date" || type === "time") into.set(name, "date");
    else into.set(name, "plain");
    i = end;
  }
  return into;
}

const flat = { "zh-CN": flatten(catalogs["zh-CN"]), en: flatten(catalogs.en) };

describe("icuArgs (the checker itself)", () => {
  it("finds simple, typed, nested and tag arguments and ignores quoted braces", () => {
    expect([...icuArgs("Page {page} of {pages}").keys()]).toEqual(["page", "pages"]);
    expect(icuArgs("{count, plural, one {# book for {name}} other {# books}}")).toEqual(
      new Map([
        ["count", "number"],
        ["name", "plain"],
      ]),
    );
    expect([...icuArgs("Use '{literal}' here, it''s fine").keys()]).toEqual([]);
    expect([...icuArgs("Read <b>{title}</b>").keys()].sort()).toEqual(["<b>", "title"]);
    expect(() => icuArgs("broken {name")).toThrow();
  });
});

describe("messages/zh-CN.json and messages/en.json", () => {
  it("have exactly the same keys", () => {
    const zhKeys = [...flat["zh-CN"].keys()].sort();
    const enKeys = [...flat.en.keys()].sort();
    expect(zhKeys.length).toBeGreaterThan(50);
    expect(zhKeys.filter((k) => !flat.en.has(k)), "keys only in zh-CN.json").toEqual([]);
    expect(enKeys.filter((k) => !flat["zh-CN"].has(k)), "keys only in en.json").toEqual([]);
    expect(zhKeys).toEqual(enKeys);
  });

  it("have only non-empty strings as messages", () => {
    for (const [locale, messages] of Object.entries(flat)) {
      const bad = [...messages].filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => `${locale}:${k}`);
      expect(bad, "empty or non-string messages").toEqual([]);
    }
  });

  it("use the same ICU arguments for each key in both languages", () => {
    const mismatches: string[] = [];
    for (const [key, zhValue] of flat["zh-CN"]) {
      const enValue = flat.en.get(key);
      if (typeof zhValue !== "string" || typeof enValue !== "string") continue;
      // Argument names must match. Their kinds may differ where grammar does: English pluralises
      // {count, plural, …} where Chinese says {count} plainly; both take a number.
      const kinds = (args: Map<string, string>) =>
        JSON.stringify([...args].map(([name, kind]) => [name, kind === "plural" || kind === "number" ? "plain" : kind]).sort());
      const a = kinds(icuArgs(zhValue));
      const b = kinds(icuArgs(enValue));
      if (a !== b) mismatches.push(`${key}: zh-CN ${a} vs en ${b}`);
    }
    expect(mismatches).toEqual([]);
    // The check has something to bite on: these keys do carry arguments.
    expect([...icuArgs(flat.en.get("common.pageOf") as string).keys()].sort()).toEqual(["page", "pages"]);
    expect([...icuArgs(flat["zh-CN"].get("errors.tooShort") as string).keys()]).toEqual(["min"]);
  });

  it("every message formats with next-intl in its own language without errors", () => {
    const sample = { plain: "X", number: 2, date: new Date("2025-01-02T03:04:05Z"), select: "other" } as const;
    for (const locale of ["zh-CN", "en"] as const) {
      const errors: string[] = [];
      const t = createTranslator({
        locale,
        messages: catalogs[locale],
        timeZone: "Asia/Shanghai",
        onError: (e) => errors.push(e.message),
        getMessageFallback: ({ key }) => `!!${key}`,
      });
      for (const [key, value] of flat[locale]) {
        const values: Record<string, unknown> = {};
        for (const [name, kind] of icuArgs(value as string)) {
          if (name.startsWith("<")) values[name.slice(1, -1)] = (chunks: unknown) => chunks;
          else values[name] = sample[kind];
        }
        const hasTags = Object.keys(values).length > 0 && [...icuArgs(value as string).keys()].some((n) => n.startsWith("<"));
        const format = (hasTags ? t.rich : t) as unknown as (k: string, v: Record<string, unknown>) => unknown;
        const out = format(key, values);
        if (typeof out === "string") {
          expect(out, `${locale}:${key}`).not.toContain("!!");
          expect(out, `${locale}:${key}`).not.toMatch(/[{}]/);
        }
      }
      expect(errors, `${locale} formatting errors`).toEqual([]);
    }
  });
});
