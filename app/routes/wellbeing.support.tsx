// /bienestar/apoyo: "quiero conversar con alguien" (issue #17). A teacher asks, by name and apart from
// the anonymous pulses, for a conversation; it is emailed to the people their school chose (or its
// leaders). Those people see the school's requests here and mark them handled; a school's leaders
// (and the coordinators advising it) choose who they are.
import { Form, Link, redirect } from "react-router";
import {
  hasWellbeing,
  markSupportHandled,
  requestSupport,
  setWellbeingContacts,
  supportPage,
} from "~/modules/wellbeing";
import { NotFoundError } from "~/platform/errors";
import { formToObject } from "~/platform/validation";
import {
  CheckboxField,
  FormMessage,
  failureOf,
  RequestKey,
  SelectField,
  SubmitButton,
  TextAreaField,
} from "../components/form";
import { PlainText } from "../components/plain-text";
import { load, perform, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/wellbeing.support";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "wellbeing.support.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(async () => {
    if (!hasWellbeing(actor)) throw new NotFoundError();
    return { ...(await supportPage(actor)), notice: new URL(request.url).searchParams.get("aviso") };
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const intent = form.get("intent");
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  if (intent === "handle") {
    const result = await perform(() => markSupportHandled(actor, text("requestId")), form);
    if ("ok" in result && result.ok) throw redirect("/bienestar/apoyo");
    return result;
  }
  if (intent === "contacts") {
    const result = await perform(
      () => setWellbeingContacts(actor, text("schoolId"), formToObject(form)),
      form,
    );
    if ("ok" in result && result.ok) throw redirect("/bienestar/apoyo?aviso=contactos");
    return result;
  }
  const result = await performOnce(() => requestSupport(actor, text("schoolId"), formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect("/bienestar/apoyo?aviso=enviada");
  return result;
}

export default function Support({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { askIn, requests, inbox, contacts, notice } = loaderData;
  const failure = failureOf(actionData);
  const intent = failure?.values.intent;
  const open = askIn.filter((s) => !s.pendingSince);
  // a refused request is told inside its form when the form is still there; anything else on top
  const requestFailure = intent === "request" && open.length > 0 ? failure : undefined;
  return (
    <div className="stack narrow">
      <p>
        <Link to="/bienestar">{t("wellbeing.title")}</Link>
      </p>
      <h1>{t("wellbeing.support.title")}</h1>
      {notice === "enviada" ? (
        <p className="alert alert-ok" role="status">
          {t("wellbeing.support.sent")}
        </p>
      ) : notice === "contactos" ? (
        <p className="alert alert-ok" role="status">
          {t("wellbeing.contacts.saved")}
        </p>
      ) : null}
      {failure && !requestFailure ? <FormMessage failure={failure} /> : null}
      {askIn.length ? (
        <section className="stack">
          <p>{t("wellbeing.support.intro")}</p>
          {askIn
            .filter((s) => s.pendingSince)
            .map((s) => (
              <p key={s.id} className="muted">
                {t("wellbeing.support.pending", { school: s.name, date: f.date(s.pendingSince) })}
              </p>
            ))}
          {open.length ? (
            <Form method="post" className="stack card" noValidate>
              <RequestKey />
              <FormMessage failure={requestFailure} />
              <input type="hidden" name="intent" value="request" />
              {open.length === 1 ? (
                <input type="hidden" name="schoolId" value={open[0]?.id} />
              ) : (
                <SelectField
                  name="schoolId"
                  required
                  label={t("wellbeing.support.field.school")}
                  failure={requestFailure}
                  options={open.map((s) => ({ value: s.id, label: s.name }))}
                />
              )}
              <TextAreaField
                name="message"
                label={t("wellbeing.support.field.message")}
                maxLength={2000}
                rows={4}
                failure={requestFailure}
              />
              <SubmitButton>{t("wellbeing.support.submit")}</SubmitButton>
            </Form>
          ) : null}
        </section>
      ) : null}
      {inbox ? (
        <section className="stack" aria-labelledby="requests">
          <h2 id="requests">{t("wellbeing.support.requests")}</h2>
          {requests.length === 0 ? <p className="muted">{t("wellbeing.support.requests_none")}</p> : null}
          {requests.map((r) => (
            <article key={r.id} className="card stack">
              <h3>
                {r.name} <span className="muted">· {r.school}</span>
              </h3>
              <p className="muted">
                <a href={`mailto:${r.email}`}>{r.email}</a> · {f.dateTime(r.createdAt)}
              </p>
              {r.message ? (
                <PlainText text={r.message} />
              ) : (
                <p className="muted">{t("wellbeing.support.no_message")}</p>
              )}
              {r.handledAt ? (
                <p className="muted">
                  {t("wellbeing.support.handled", { date: f.date(r.handledAt), name: r.handler ?? "" })}
                </p>
              ) : (
                <Form method="post">
                  <input type="hidden" name="intent" value="handle" />
                  <input type="hidden" name="requestId" value={r.id} />
                  <SubmitButton>{t("wellbeing.support.mark_handled")}</SubmitButton>
                </Form>
              )}
            </article>
          ))}
        </section>
      ) : null}
      {contacts.map((s) => (
        <details key={s.id} className="card">
          <summary>{t("wellbeing.contacts.title", { school: s.name })}</summary>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="contacts" />
            <input type="hidden" name="schoolId" value={s.id} />
            <p className="hint">{t("wellbeing.contacts.hint")}</p>
            {s.candidates.map((c) => (
              <CheckboxField
                key={c.id}
                name={`contact_${c.id}`}
                label={c.name}
                defaultChecked={s.chosen.includes(c.id)}
              />
            ))}
            <SubmitButton>{t("wellbeing.contacts.save")}</SubmitButton>
          </Form>
        </details>
      ))}
    </div>
  );
}
