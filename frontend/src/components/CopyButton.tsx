import { useEffect, useRef, useState } from "react";

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* denied or insecure context (plain http): try the old way */
  }
  try {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand?.("copy") ?? false;
    area.remove();
    return ok;
  } catch {
    return false;
  }
}

/** A "Copy" button with a spoken confirmation. `label` is its accessible name, e.g. "Copy token". */
export function CopyButton({ text, label, className = "btn btn-small" }: { text: string; label: string; className?: string }) {
  const [result, setResult] = useState<"copied" | "failed" | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEffect(() => setResult(null), [text]);

  return (
    <span className="copy">
      <button
        type="button"
        className={className}
        aria-label={label}
        onClick={async () => {
          const ok = await copyText(text);
          setResult(ok ? "copied" : "failed");
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => setResult(null), 4000);
        }}
      >
        {result === "copied" ? "Copied" : "Copy"}
      </button>
      <span className={result === "failed" ? "copy-status copy-failed" : "visually-hidden"} role="status">
        {result === "copied" ? "Copied to the clipboard" : result === "failed" ? "Couldn't copy: select the text and press Ctrl+C" : ""}
      </span>
    </span>
  );
}
