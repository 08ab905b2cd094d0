import { useId, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { ApiError, UnauthorizedError, errorMessage } from "../api/errors";
import { useAlerts } from "../components/Alerts";
import { SimpleHeader } from "../components/SimpleHeader";
import { useMe } from "../me/MeContext";
import { toTenantOverview } from "../tenant/routes/TenantOverview";
import { toSetup } from "./routes/Setup";
import { setLastTenantId } from "../utils/lastTenant";
import { useTitle } from "../utils/useTitle";

export const MAX_COMPANY_NAME = 120;

function validate(name: string): string | undefined {
  if (!name.trim()) return "Enter your company name.";
  if (name.trim().length > MAX_COMPANY_NAME) return `Use at most ${MAX_COMPANY_NAME} characters.`;
  return undefined;
}

export default function CreateCompanyPage() {
  useTitle("Create your company");
  const api = useApi();
  const { me, refresh } = useMe();
  const { addAlert } = useAlerts();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [fieldError, setFieldError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const inputId = `${id}-name`;
  const errorId = `${id}-name-error`;
  const hintId = `${id}-name-hint`;
  const existing = me.memberships[0];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(undefined);
    const invalid = validate(name);
    setFieldError(invalid);
    if (invalid) {
      inputRef.current?.focus();
      return;
    }
    setSubmitting(true);
    try {
      const tenant = await api.tenants.create({ name: name.trim() });
      setLastTenantId(tenant.id);
      refresh();
      addAlert(`${tenant.name} is ready.`);
      navigate(toSetup({ tenantId: tenant.id }));
    } catch (err) {
      setSubmitting(false);
      if (err instanceof UnauthorizedError) {
        setFormError(errorMessage(err));
      } else if (err instanceof ApiError && (err.fieldErrors.name || err.status === 409)) {
        setFieldError(err.fieldErrors.name ?? err.problem.detail ?? "That name is already taken.");
        inputRef.current?.focus();
      } else if (err instanceof ApiError && err.status === 400) {
        setFormError(Object.values(err.fieldErrors)[0] ?? errorMessage(err));
      } else {
        setFormError(errorMessage(err));
      }
    }
  };

  return (
    <>
      <SimpleHeader />
      <main className="page page-narrow" id="main">
        <h1>Create your company</h1>
        <p className="lead">
          Your company is where your Counterpoint bridge, your WooCommerce stores and your team come together. You can
          change the details later.
        </p>
        <form className="card form" onSubmit={onSubmit} noValidate aria-label="Create your company">
          <div className="field">
            <label htmlFor={inputId}>Company name</label>
            <input
              ref={inputRef}
              id={inputId}
              name="name"
              type="text"
              autoComplete="organization"
              autoFocus
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                if (fieldError) setFieldError(undefined);
              }}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? `${errorId} ${hintId}` : hintId}
              disabled={submitting}
            />
            <p className="field-hint" id={hintId}>
              As your customers know it, e.g. “Acme Outfitters”. Up to {MAX_COMPANY_NAME} characters.
            </p>
            {fieldError && (
              <p className="field-error" id={errorId} role="alert">
                {fieldError}
              </p>
            )}
          </div>
          {formError && (
            <p className="form-error" role="alert">
              {formError}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={submitting}>
              {submitting ? "Creating…" : "Create company"}
            </button>
            {existing && (
              <Link className="btn btn-link" to={toTenantOverview({ tenantId: existing.tenantId })}>
                Cancel
              </Link>
            )}
          </div>
        </form>
      </main>
    </>
  );
}
