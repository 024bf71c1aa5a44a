"use client";

/**
 * Signing out also forgets unsaved entry text kept in this browser (components/entries): on a
 * shared school computer a pupil's writing must not stay behind for the next one.
 */
export function SignOutButton({ label }: { label: string }) {
  const forget = () => {
    try {
      for (const key of Object.keys(localStorage)) if (key.startsWith("shuxiang:entry:")) localStorage.removeItem(key);
    } catch {
      // No storage, nothing kept.
    }
  };
  return (
    <button type="submit" onClick={forget} className="min-h-11 rounded-md px-3 py-2 text-accent hover:bg-accent-soft">
      {label}
    </button>
  );
}
