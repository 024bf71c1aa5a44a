"use client";

import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { idleState, type ActionState } from "@/lib/action-state";
import type { CheckInResult } from "@/lib/events/mutations";
import { checkInAction } from "../../../actions";
import { readQr } from "./read-qr";

const noSubscription = () => () => {};
const hasCamera = () => Boolean(navigator.mediaDevices?.getUserMedia);

/**
 * The door: type a booking code, scan the QR code with the phone's camera, or take a photo of it
 * (the camera needs a secure connection; the photo works in any browser). Typing always works.
 */
export function CheckIn({ eventId, sessionId }: { eventId: number; sessionId: number }) {
  const t = useTranslations("eventsAdmin");
  const [state, action, pending] = useActionState<ActionState<CheckInResult>, FormData>(checkInAction, idleState);
  const formRef = useRef<HTMLFormElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [scanning, setScanning] = useState(false);
  // Known only in the browser: null while rendering on the server.
  const camera = useSyncExternalStore(noSubscription, hasCamera, () => null);

  const submitCode = (code: string) => {
    if (!codeRef.current || !formRef.current) return;
    codeRef.current.value = code;
    formRef.current.requestSubmit();
  };

  useEffect(() => {
    if (!scanning) return;
    let stream: MediaStream | undefined;
    let stopped = false;
    let last = "";
    (async () => {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
      const video = videoRef.current!;
      video.srcObject = stream;
      await video.play();
      while (!stopped) {
        const code = await readQr(video).catch(() => null);
        // The same code in front of the camera is read once, not on every frame.
        if (code && code !== last) {
          last = code;
          submitCode(code);
        }
        await new Promise((r) => setTimeout(r, 300));
      }
    })().catch(() => setScanning(false));
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [scanning]);

  const [photoUnread, setPhotoUnread] = useState(false);
  async function readPhoto(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    const code = await createImageBitmap(file).then(readQr).catch(() => null);
    // Cleared, so the same photo can be chosen again.
    input.value = "";
    setPhotoUnread(!code);
    if (code) submitCode(code);
  }

  const r = state.status === "ok" ? state.data : undefined;
  return (
    <div className="flex flex-col gap-3">
      <form ref={formRef} action={action} className="flex flex-wrap items-end gap-2" noValidate>
        <input type="hidden" name="eventId" value={eventId} />
        <input type="hidden" name="sessionId" value={sessionId} />
        <Field
          ref={codeRef}
          name="code"
          label={t("typeCode")}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          inputMode="text"
          className="min-w-48 flex-1"
          error={state.status === "error" ? (state.fieldErrors?.code ?? state.message) : undefined}
          key={state.status === "ok" ? `ok-${r?.code}-${String(r?.checkedInAt)}` : "code"}
        />
        <Button type="submit" disabled={pending}>
          {t("checkInButton")}
        </Button>
      </form>
      {r ? (
        <p role="status" className={`rounded-md px-3 py-2 text-lg ${r.outcome === "checked_in" ? "bg-accent-soft text-accent-deep" : "bg-amber-50"}`}>
          {r.outcome === "checked_in" ? t("checkedIn", { name: r.name, n: r.partySize }) : t("alreadyIn", { name: r.name, time: new Date(r.checkedInAt).toLocaleTimeString("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit" }) })}
        </p>
      ) : null}
      {/* Two ways to read the QR code, side by side: the live camera (where the browser allows it) and a photo. */}
      <div className="flex flex-wrap items-center gap-2">
        {camera ? (
          <Button type="button" variant="secondary" onClick={() => setScanning((s) => !s)}>
            {scanning ? t("scanStop") : t("scan")}
          </Button>
        ) : null}
        <label className={buttonClass("secondary", "cursor-pointer focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-accent")}>
          {t("scanPhoto")}
          <input type="file" accept="image/*" capture="environment" className="sr-only" onChange={(e) => readPhoto(e.currentTarget)} />
        </label>
      </div>
      {camera === false ? <p className="text-sm text-ink-soft">{t("scanUnsupported")}</p> : null}
      {scanning ? <video ref={videoRef} muted playsInline className="aspect-square w-full max-w-sm rounded-md bg-ink object-cover" /> : null}
      {photoUnread ? (
        <p role="alert" className="text-sm text-warm-deep">
          {t("scanPhotoUnread")}
        </p>
      ) : null}
    </div>
  );
}
