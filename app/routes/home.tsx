import { Form, Link } from "react-router";
import { hasCommunity, unreadAnnouncements } from "~/modules/community";
import { followedUpdates } from "~/modules/discussions";
import { learnerHome } from "~/modules/learning";
import { mentoringCards, trackCards } from "~/modules/mentoring";
import { observationHome, pendingWork } from "~/modules/observation";
import { homeSummary } from "~/modules/people";
import { hasWellbeing, pulsesToAnswer } from "~/modules/wellbeing";
import { can } from "~/platform/policy";
import { ObserverDay, TeacherDay } from "../components/day";
import { SubmitButton } from "../components/form";
import { PlainText } from "../components/plain-text";
import { pageTitle, useFormat, useLocale, useT } from "../lib/i18n";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/home";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "nav.home") }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const session = sessionOf(context);
  const [summary, day, learning, discussions, announcements, pulses, mentoring, track] = await Promise.all([
    homeSummary(actor),
    // what is pending for the person today, as an observer and as a teacher
    pendingWork(actor, new Date(), session.timeZone),
    // the next live session of a workshop the person takes part in, their courses, the activities
    // they still have to send and their certificates
    session.viewer
      ? learnerHome({ id: actor.personId, email: session.viewer.email, organizationId: actor.organizationId })
      : null,
    // followed discussions with posts the person has not read
    followedUpdates(actor),
    // their schools' announcements they have not marked read
    unreadAnnouncements(actor),
    // well-being pulses open for them that they have not answered
    pulsesToAnswer(actor),
    // whether they mentor someone, or have a mentor (issue #18)
    mentoringCards(actor),
    // the mentor certification track and feedback reviews (issue #18)
    trackCards(actor),
  ]);
  return {
    name: session.viewer?.givenNames ?? "",
    personId: actor.personId,
    summary,
    day,
    observation: observationHome(actor),
    courses: can(actor, "list", "course", { organizationId: actor.organizationId }),
    nextSession: learning?.nextSession ?? null,
    certificates: learning?.certificates ?? [],
    myCourses: learning?.courses ?? [],
    activitiesDue: learning?.activitiesDue ?? [],
    discussions,
    announcements,
    community: hasCommunity(actor),
    pulses,
    wellbeing: hasWellbeing(actor),
    mentoring,
    track,
  };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { timeZone } = useLocale();
  const { summary } = loaderData;
  const cards: Array<{ to: string; label: string }> = [];
  if (loaderData.observation.observes)
    cards.push({ to: "/observaciones", label: t("home.card.observations") });
  if (loaderData.observation.calibrations)
    cards.push({ to: "/calibraciones", label: t("home.card.calibrations") });
  if (loaderData.observation.teaches)
    cards.push({ to: `/personas/${loaderData.personId}/desarrollo`, label: t("home.card.development") });
  if (loaderData.observation.setup) {
    cards.push({ to: "/pautas", label: t("home.card.instruments") });
    cards.push({ to: "/pasos", label: t("home.card.catalogue") });
  }
  if (summary.showSchools)
    cards.push({
      to: "/establecimientos",
      label: t(
        summary.canCreateSchool || summary.managedSchools.length
          ? "home.card.schools"
          : "home.card.schools_view",
      ),
    });
  if (summary.canCreateSchool)
    cards.push({ to: "/establecimientos/nuevo", label: t("home.card.schools_create") });
  if (summary.canListPeople) cards.push({ to: "/personas", label: t("home.card.people") });
  if (loaderData.community) cards.push({ to: "/comunidad", label: t("home.card.community") });
  if (loaderData.wellbeing) cards.push({ to: "/bienestar", label: t("home.card.wellbeing") });
  if (loaderData.mentoring.mentor) cards.push({ to: "/mentoria", label: t("home.card.mentoring_mentor") });
  else if (loaderData.mentoring.mentee)
    cards.push({ to: "/mentoria", label: t("home.card.mentoring_mentee") });
  if (loaderData.track.certification)
    cards.push({ to: "/mentoria/certificacion", label: t("mentoringTrack.home_card.certification") });
  if (loaderData.track.reviews)
    cards.push({
      to: "/mentoria/revisiones",
      label: loaderData.track.unreadReviews
        ? t("mentoringTrack.home_card.reviews_unread", { count: loaderData.track.unreadReviews })
        : t("mentoringTrack.home_card.reviews"),
    });
  if (loaderData.courses) cards.push({ to: "/cursos", label: t("home.card.courses") });
  if (loaderData.observation.network) cards.push({ to: "/observaciones/red", label: t("home.card.network") });
  for (const school of summary.managedSchools.filter((s) =>
    loaderData.observation.ledSchoolIds.includes(s.id),
  ))
    cards.push({
      to: `/establecimientos/${school.id}/observacion`,
      label: t("home.card.school_dashboard", { school: school.name }),
    });
  for (const school of summary.managedSchools) {
    cards.push({
      to: `/establecimientos/${school.id}`,
      label: t("home.card.my_school", { school: school.name }),
    });
    cards.push({
      to: `/establecimientos/${school.id}/importar`,
      label: t("home.card.import", { school: school.name }),
    });
    cards.push({
      to: `/establecimientos/${school.id}/invitar`,
      label: t("home.card.invite", { school: school.name }),
    });
  }
  if (summary.canReadOutbox) cards.push({ to: "/admin/correos", label: t("home.card.outbox") });
  if (summary.canReadAudit) cards.push({ to: "/admin/auditoria", label: t("home.card.audit") });
  cards.push({ to: `/personas/${loaderData.personId}`, label: t("home.card.profile") });
  return (
    <div className="stack">
      <h1>{t("home.title", { name: loaderData.name })}</h1>
      {loaderData.nextSession ? (
        <section className="card">
          <h2>{t("learning.home.next_session")}</h2>
          <p>
            <Link to={`/talleres/${loaderData.nextSession.slug}`}>{loaderData.nextSession.courseTitle}</Link>:{" "}
            {loaderData.nextSession.title}
          </p>
          <p>
            <strong>{f.dateTime(loaderData.nextSession.startsAt)}</strong> ({f.zoneName(timeZone)})
          </p>
        </section>
      ) : null}
      {loaderData.activitiesDue.length ? (
        <section className="card">
          <h2>{t("learning.home.activities_due")}</h2>
          <ul className="rows">
            {loaderData.activitiesDue.map((a) => (
              <li key={`${a.cohortId}-${a.activityId}`}>
                <Link to={`/mis-cursos/${a.cohortId}/actividades/${a.activityId}`}>{a.title}</Link>{" "}
                <span className="muted">
                  · {a.courseTitle}
                  {a.toRevise ? ` · ${t("learning.activity.status.to_revise")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {loaderData.pulses.length ? (
        <section className="card stack" aria-labelledby="pulses">
          <h2 id="pulses">{t("wellbeing.home.title")}</h2>
          <p className="muted">{t("wellbeing.home.intro")}</p>
          <ul className="rows">
            {loaderData.pulses.map((p) => (
              <li key={p.id}>
                <Link className="button" to={`/bienestar/${p.id}`}>
                  {t("wellbeing.list.answer")}
                </Link>{" "}
                {p.title}{" "}
                <span className="muted">
                  · {t("wellbeing.home.closes", { date: f.dateTime(p.closesAt) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {loaderData.announcements.length ? (
        <section className="card stack" aria-labelledby="announcements">
          <h2 id="announcements">{t("community.announcements.home")}</h2>
          {loaderData.announcements.map((a) => (
            <article key={a.id} className="stack">
              <h3>
                <Link to={`/comunidad/avisos/${a.id}`}>{a.title}</Link>
              </h3>
              <p className="muted">
                {a.school} · {f.dateTime(a.createdAt)}
              </p>
              <PlainText text={a.body} />
              <Form method="post" action={`/comunidad/avisos/${a.id}`}>
                <input type="hidden" name="intent" value="read" />
                <input type="hidden" name="volver" value="/" />
                <SubmitButton>{t("community.announcements.mark_read")}</SubmitButton>
              </Form>
            </article>
          ))}
        </section>
      ) : null}
      {loaderData.discussions.length ? (
        <section className="card">
          <h2>{t("discussions.home")}</h2>
          <ul className="rows">
            {loaderData.discussions.map((d) => (
              <li key={d.threadId}>
                <Link to={`/conversaciones/${d.threadId}`}>{d.title}</Link>{" "}
                <span className="muted">· {t("discussions.new_posts", { count: d.newPosts })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {loaderData.myCourses.length ? (
        <section className="card">
          <h2>{t("learning.home.my_courses")}</h2>
          <ul className="rows">
            {loaderData.myCourses.map((c) => (
              <li key={c.cohortId}>
                <Link to={`/mis-cursos/${c.cohortId}`}>{c.courseTitle}</Link>{" "}
                <span className="muted">· {c.cohortName}</span>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/mis-cursos">{t("learning.home.all_courses")}</Link>
          </p>
        </section>
      ) : null}
      {loaderData.day.observer ? (
        <ObserverDay lists={loaderData.day.observer} schools={summary.managedSchools} />
      ) : null}
      {loaderData.day.teacher ? (
        <TeacherDay lists={loaderData.day.teacher} personId={loaderData.personId} />
      ) : null}
      {loaderData.certificates.length ? (
        <section className="card">
          <h2>{t("learning.home.certificates")}</h2>
          <ul className="rows">
            {loaderData.certificates.map((c) => (
              <li key={c.code}>
                {c.courseTitle} · {f.date(c.issuedAt)} ·{" "}
                <a href={`/certificados/${c.code}/descargar`} download>
                  {t("learning.certificates.pdf_link")}
                </a>{" "}
                ·{" "}
                <a href={`/certificados/${c.code}/credencial`} download>
                  {t("learning.certificates.credential_link")}
                </a>{" "}
                · <Link to={`/certificados/${c.code}`}>{t("learning.home.verify_link")}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card">
        <h2>{t("home.roles")}</h2>
        {summary.roles.length ? (
          <ul>
            {summary.roles.map((r) => (
              <li key={`${r.role}-${r.schoolId}`}>
                {r.schoolId
                  ? t("home.at_school", { role: r.title || t(`role.${r.role}`), school: r.schoolName ?? "" })
                  : t("home.in_organization", {
                      role: t(`role.${r.role}`),
                      organization: summary.organizationName,
                    })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("home.no_roles")}</p>
        )}
      </section>
      <section>
        <h2>{t("home.what_you_can_do")}</h2>
        <ul className="cards">
          {cards.map((c) => (
            <li key={c.to} className="card">
              <Link to={c.to}>{c.label}</Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
