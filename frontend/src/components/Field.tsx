import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";

interface FieldChrome {
  label: string;
  hint?: ReactNode;
  /** Shown under the field (role=alert) and linked with aria-describedby. */
  error?: string;
}

interface ControlWiring {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** The label, hint and error around one control, with the ids that tie them together for screen readers. */
function FieldFrame({ label, hint, error, className, control }: FieldChrome & {
  className?: string;
  control: (wiring: ControlWiring) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {control({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

type TextFieldProps = FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, "id">;

/** A labelled input with an optional hint and field error, wired for screen readers. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, hint, error, className, ...input },
  ref,
) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}
      control={(wiring) => <input ref={ref} {...wiring} {...input} />} />
  );
});

type TextAreaFieldProps = FieldChrome & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">;

/** A labelled multi-line input, wired like TextField. */
export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(function TextAreaField(
  { label, hint, error, className, ...textarea },
  ref,
) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}
      control={(wiring) => <textarea ref={ref} {...wiring} {...textarea} />} />
  );
});
