import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { localStore, store } from "./store";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "shuxiang-local-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const bytes = new Uint8Array([1, 2, 3, 255]);

it("keeps files on local disk under STORAGE_DIR when S3_BUCKET is unset", async () => {
  const local = store({ STORAGE_DIR: root });
  await local.put("2026-05/a.png", bytes, "image/png");
  expect(new Uint8Array(await readFile(path.join(root, "2026-05/a.png")))).toEqual(bytes);
  expect(await local.get("2026-05/a.png")).toEqual(bytes);
  await local.remove("2026-05/a.png");
  expect(await local.get("2026-05/a.png")).toBeNull();
  // Removing what is gone is fine.
  await local.remove("2026-05/a.png");
});

it("refuses keys that escape the root", async () => {
  const local = localStore(path.join(root, "uploads"));
  for (const bad of ["../outside.png", "2026-05/../../outside.png", ".."]) {
    await expect(local.put(bad, bytes, "image/png"), bad).rejects.toThrow("bad storage key");
    await expect(local.remove(bad), bad).rejects.toThrow("bad storage key");
  }
  await expect(readFile(path.join(root, "outside.png"))).rejects.toThrow(/ENOENT/);
});
