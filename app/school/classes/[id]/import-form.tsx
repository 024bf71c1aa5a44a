"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * Posts the spreadsheet to the upload route (route handlers have no 1 MB server-action body
 * limit). The route answers with a redirect: to the preview, or back here with the problem.
 */
export function ImportForm({ classId, error }: { classId: number; error?: string }) {
  const t = useTranslations("pupils.import");
  const [busy, setBusy] = useState(false);
  // Coming back with the browser's Back button restores the page as it was left: busy.
  useEffect(() => {
    const reset = () => setBusy(false);
    window.addEventListener("pageshow", reset);
    return () => window.removeEventListener("pageshow", reset);
  }, []);
  return (
    <form
      method="post"
      action={`/school/classes/${classId}/import`}
      encType="multipart/form-data"
      onSubmit={() => setBusy(true)}
      className="flex flex-col gap-3"
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="import-file" className="font-medium">
          {t("fileLabel")}
        </label>
        <p id="import-file-hint" className="text-sm text-ink-soft">
          {t("fileHint")}
        </p>
        <input
          id="import-file"
          name="file"
          type="file"
          required
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "import-file-hint import-file-error" : "import-file-hint"}
          className="min-h-11 rounded-md border border-line bg-white px-3 py-2 file:mr-3 file:min-h-9 file:rounded file:border-0 file:bg-paper-deep file:px-3"
        />
        {error ? (
          <p id="import-file-error" role="alert" className="text-sm font-medium text-danger">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={busy} className="self-start">
        {busy ? t("reading") : t("upload")}
      </Button>
    </form>
  );
}
