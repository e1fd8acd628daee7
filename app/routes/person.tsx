import { Form, Link, redirect } from "react-router";
import type { MessageKey } from "~/messages/translate";
import { observationLinksFor } from "~/modules/observation";
import { addMembership, getPersonProfile, removeMembership, schoolsActorManages } from "~/modules/people";
import { formatRut } from "~/modules/people/rut";
import { can } from "~/platform/policy";
import { FormMessage, failureOf, RequestKey, SelectField, SubmitButton } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/person";

export const meta: Route.MetaFunction = ({ matches, loaderData: data }) => [
  {
    title: pageTitle(matches, "people.profile.title", {
      name: data?.profile.person
        ? `${data.profile.person.givenNames} ${data.profile.person.familyNames}`
        : "",
    }),
  },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const profile = await load(() => getPersonProfile(actor, params.personId));
  const manageable = profile.canEdit ? await schoolsActorManages(actor) : [];
  const url = new URL(request.url);
  return {
    profile,
    manageable,
    // "Nueva visita" for whoever may observe her, her timeline for whoever may read it
    observationLinks: profile.person
      ? observationLinksFor(actor, profile.person, profile.memberships)
      : { newVisit: null, development: null },
    canGrantStaff: can(actor, "manage_staff", "organization", { organizationId: actor.organizationId }),
    notice: url.searchParams.get("aviso"),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  if (form.get("intent") === "remove") {
    const result = await performOnce(
      () => removeMembership(actor, String(form.get("membershipId") ?? "")),
      form,
    );
    if ("ok" in result && result.ok) throw redirect(`/personas/${params.personId}?aviso=rol-quitado`);
    return result;
  }
  const result = await performOnce(
    () =>
      addMembership(actor, params.personId, {
        role: form.get("role"),
        schoolId: form.get("schoolId") || undefined,
        title: form.get("title") || undefined,
      }),
    form,
  );
  if ("ok" in result && result.ok) throw redirect(`/personas/${params.personId}?aviso=rol-agregado`);
  return result;
}

const NOTICES: Record<string, MessageKey> = {
  "rol-agregado": "people.membership.added",
  "rol-quitado": "people.membership.removed",
  guardado: "people.edit.saved",
};

export default function Person({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const failure = failureOf(actionData);
  const { profile, manageable, canGrantStaff, observationLinks } = loaderData;
  const person = profile.person;
  if (!person) return null;
  const notice = loaderData.notice ? NOTICES[loaderData.notice] : undefined;
  const roleOptions = [
    ...(manageable.length ? (["teacher", "leader", "mentor"] as const) : []),
    ...(canGrantStaff ? (["coordinator", "admin", "facilitator"] as const) : []),
  ].map((r) => ({ value: r, label: t(`role.${r}`) }));
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{`${person.givenNames} ${person.familyNames}`}</h1>
        {profile.canEdit ? (
          <Link className="button button-secondary" to={`/personas/${person.id}/editar`}>
            {t("action.edit")}
          </Link>
        ) : null}
      </div>
      {observationLinks.newVisit || observationLinks.development ? (
        <p className="actions">
          {observationLinks.newVisit ? (
            <Link className="button" to={observationLinks.newVisit}>
              {t("people.profile.new_visit")}
            </Link>
          ) : null}
          {observationLinks.development ? (
            <Link to={observationLinks.development}>{t("people.profile.development")}</Link>
          ) : null}
        </p>
      ) : null}
      {notice ? (
        <div className="alert alert-ok" role="status">
          {t(notice)}
        </div>
      ) : null}
      <section className="card">
        <h2>{t("people.profile.data")}</h2>
        {!profile.isSelf ? <p className="hint">{t("people.profile.sensitive_notice")}</p> : null}
        <dl className="facts">
          <dt>{t("people.profile.email")}</dt>
          <dd>
            {person.email}
            {profile.canChangeEmail ? (
              <>
                {" · "}
                <Link to={`/personas/${person.id}/correo`}>
                  {t(profile.isSelf ? "accounts.email.change_link" : "accounts.email.propose_link")}
                </Link>
              </>
            ) : null}
          </dd>
          <dt>{t("people.profile.rut")}</dt>
          <dd>{person.rut ? formatRut(person.rut) : t("people.profile.no_rut")}</dd>
          {person.phone ? (
            <>
              <dt>{t("people.profile.phone")}</dt>
              <dd>{person.phone}</dd>
            </>
          ) : null}
          <dt>{t("people.profile.status")}</dt>
          <dd>{t(`people.status.${person.status}`)}</dd>
          <dt>{t("people.profile.since")}</dt>
          <dd>{f.date(person.createdAt)}</dd>
        </dl>
      </section>
      {profile.isSelf ? (
        <section className="card">
          <h2>{t("privacy.profile.title")}</h2>
          <p className="hint">{t("privacy.profile.intro")}</p>
          <ul>
            <li>
              <a href={`/personas/${person.id}/mis-datos.zip`} download>
                {t("privacy.profile.download")}
              </a>
            </li>
            <li>
              <Link to={`/personas/${person.id}/eliminar-datos`}>{t("privacy.profile.delete")}</Link>
            </li>
          </ul>
        </section>
      ) : null}
      <section className="card">
        <h2>{t("people.profile.memberships")}</h2>
        {profile.memberships.length === 0 ? <p>{t("people.profile.no_memberships")}</p> : null}
        <ul>
          {profile.memberships.map((m) => (
            <li key={m.id}>
              {m.schoolId ? (
                <>
                  {m.title || t(`role.${m.role}`)} ·{" "}
                  <Link to={`/establecimientos/${m.schoolId}`}>{m.schoolName}</Link>
                </>
              ) : (
                t(`role.${m.role}`)
              )}{" "}
              {m.canRemove ? (
                <Form method="post" className="inline-form">
                  <RequestKey />
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="membershipId" value={m.id} />
                  <button type="submit" className="link-button">
                    {t("people.profile.remove_membership")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {roleOptions.length ? (
          <Form method="post" className="stack" noValidate>
            <RequestKey />
            <h3>{t("people.profile.add_membership")}</h3>
            <FormMessage failure={failure} />
            <input type="hidden" name="intent" value="add" />
            <SelectField
              name="role"
              label={t("people.field.role")}
              options={roleOptions}
              failure={failure}
              required
            />
            {manageable.length ? (
              <SelectField
                name="schoolId"
                label={t("people.field.school")}
                options={manageable.map((s) => ({ value: s.id, label: s.name }))}
                emptyLabel=""
                failure={failure}
              />
            ) : null}
            <SubmitButton>{t("action.add")}</SubmitButton>
          </Form>
        ) : null}
      </section>
    </div>
  );
}
