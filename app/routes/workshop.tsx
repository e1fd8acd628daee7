// /talleres/:slug: a workshop's or course's public page (issue #16 §1, §4, §5): what it is, its
// cohorts with their live sessions shown in the zone the visitor reads (their profile's, or the one
// they choose: a GET form, no JavaScript), and for an open workshop the registration form. Metadata
// for search engines and link previews: description, Open Graph, and the first date.
import { Form } from "react-router";
import { publicCourse, registerForCohort } from "~/modules/learning";
import { isTimeZone, localParts } from "~/platform/time";
import { FormMessage, failureOf, SelectField, SubmitButton } from "../components/form";
import { RegistrationFields } from "../components/registration-fields";
import { load, perform, readForm } from "../lib/actions.server";
import { requestInfoContext } from "../lib/context";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { sessionOf } from "../lib/session.server";
import { TIME_ZONES } from "../lib/time-zones";
import type { RouteHandle } from "../root";
import type { Route } from "./+types/workshop";

export const handle: RouteHandle = { scripts: false };

export const meta: Route.MetaFunction = ({ matches, loaderData: data }) => {
  if (!data) return [{ title: pageTitle(matches, "errors.not_found.title") }];
  const { course } = data;
  const first = course.cohorts[0];
  return [
    { title: `${course.title} · ${course.organizationName}` },
    { name: "description", content: course.summary },
    { property: "og:type", content: "website" },
    { property: "og:title", content: course.title },
    { property: "og:description", content: course.summary },
    { property: "og:site_name", content: course.organizationName },
    ...(first ? [{ name: "date", content: first.startsOn }] : []),
  ];
};

function viewerZone(request: Request, fallback: string): string {
  const asked = new URL(request.url).searchParams.get("zona") ?? "";
  return asked && isTimeZone(asked) ? asked : fallback;
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const session = sessionOf(context);
  const zone = viewerZone(request, session.timeZone);
  const course = await load(async () => {
    const found = await publicCourse(params.slug, localParts(new Date(), zone).date);
    if (!found) throw new Response(null, { status: 404 });
    return found;
  });
  return { course, zone };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const session = sessionOf(context);
  const locale = session.locale;
  const signedIn =
    session.actor && session.viewer
      ? { personId: session.actor.personId, email: session.viewer.email }
      : undefined;
  const course = await publicCourse(params.slug, localParts(new Date(), "America/Santiago").date);
  const cohortId = String(form.get("cohortId") ?? "");
  const open = course?.kind === "workshop" && course.cohorts.some((c) => c.id === cohortId);
  if (!open) throw new Response(null, { status: 404 });
  const result = await perform(
    () =>
      registerForCohort(cohortId, Object.fromEntries(form), {
        locale,
        signedIn,
        from: { ip: context.get(requestInfoContext).ip },
      }),
    form,
  );
  if ("ok" in result && result.ok) {
    const { status, waitingPlace, alreadyRegistered } = result.value;
    return {
      registered: { status, waitingPlace, alreadyRegistered, email: String(form.get("email") ?? "") },
    };
  }
  return result;
}

export default function Workshop({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { course, zone } = loaderData;
  const failure = failureOf(actionData);
  const registered = actionData && "registered" in actionData ? actionData.registered : null;
  const open = course.kind === "workshop";
  return (
    <article className="stack">
      <header className="stack">
        <p className="muted">
          {t(`learning.kind.${course.kind}`)} · {course.organizationName}
        </p>
        <h1>{course.title}</h1>
        <p className="muted">
          {t(`learning.modality.${course.modality}`)} · {t("learning.hours", { count: course.hours })} ·{" "}
          {t(`learning.level.${course.level}`)}
          {course.topic ? ` · ${course.topic}` : ""}
        </p>
        {course.summary ? <p className="lead">{course.summary}</p> : null}
      </header>
      {course.description
        ? course.description.split(/\n{2,}/).map((paragraph, i) => (
            // plain text: React escapes it; paragraphs as the coordinator wrote them
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text
            <p key={i}>{paragraph}</p>
          ))
        : null}
      <Form method="get" className="inline-form">
        <label htmlFor="zona">{t("learning.zone.label")}</label>{" "}
        <select id="zona" name="zona" defaultValue={zone}>
          {(TIME_ZONES as readonly string[]).includes(zone) ? null : <option value={zone}>{zone}</option>}
          {TIME_ZONES.map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, " ")}
            </option>
          ))}
        </select>{" "}
        <button type="submit" className="button button-secondary">
          {t("learning.zone.show")}
        </button>
      </Form>
      {course.cohorts.map((cohort) => (
        <section key={cohort.id} className="card stack">
          <h2>{cohort.name}</h2>
          <p>{t("learning.dates", { start: f.day(cohort.startsOn), end: f.day(cohort.endsOn) })}</p>
          <p>
            {cohort.placesLeft === null
              ? t("learning.places.open")
              : cohort.full
                ? t("learning.places.full")
                : t("learning.places.left", { count: cohort.placesLeft })}
          </p>
          {cohort.sessions.length ? (
            <>
              <h3>{t("learning.sessions.title", { zone: f.zoneName(zone) })}</h3>
              <p>
                <a href={`/talleres/${course.slug}/sesiones.ics?version=${cohort.id}`} download>
                  {t("learning.sessions.calendar")}
                </a>
              </p>
              <ul className="rows">
                {cohort.sessions.map((s) => (
                  <li key={s.id}>
                    <strong>{f.dateTimeIn(s.startsAt, zone)}</strong> · {s.title} ·{" "}
                    {t("learning.sessions.minutes", { count: s.durationMinutes })}
                    {s.plannedTimeZone !== zone ? (
                      <span className="muted">
                        {" "}
                        {t("learning.sessions.planned_in", {
                          time: f.timeIn(s.startsAt, s.plannedTimeZone),
                          zone: f.zoneName(s.plannedTimeZone),
                        })}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
      {open ? (
        registered ? (
          <div className="alert alert-ok" role="status">
            <p>
              {registered.alreadyRegistered
                ? t("learning.register.already", { email: registered.email })
                : registered.status === "confirmed"
                  ? t("learning.register.confirmed", { email: registered.email })
                  : t("learning.register.waiting", {
                      email: registered.email,
                      place: registered.waitingPlace ?? 1,
                    })}
            </p>
          </div>
        ) : (
          <section className="card stack" id="inscripcion">
            <h2>{t("learning.register.title")}</h2>
            <FormMessage failure={failure} />
            <Form method="post" noValidate className="stack">
              {course.cohorts.length > 1 ? (
                <SelectField
                  name="cohortId"
                  label={t("learning.register.cohort")}
                  options={course.cohorts.map((c) => ({ value: c.id, label: c.name }))}
                  failure={failure}
                />
              ) : (
                <input type="hidden" name="cohortId" value={course.cohorts[0]?.id} />
              )}
              <input type="hidden" name="timeZone" value={zone} />
              <RegistrationFields failure={failure} />
              <SubmitButton>{t("learning.register.submit")}</SubmitButton>
            </Form>
          </section>
        )
      ) : (
        <p className="muted">{t("learning.register.closed_course")}</p>
      )}
    </article>
  );
}
