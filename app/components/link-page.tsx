import { Link } from "react-router";

/**
 * The page an emailed link answers when there is nothing more to do: done, or the link no longer
 * works. One heading, the message (a status or an alert) and a way on.
 */
export function LinkPage(props: {
  title: string;
  message: string;
  ok: boolean;
  next?: { to: string; label: string };
}) {
  return (
    <section className="narrow stack">
      <h1>{props.title}</h1>
      <div className={`alert ${props.ok ? "alert-ok" : "alert-error"}`} role={props.ok ? "status" : "alert"}>
        {props.message}
      </div>
      {props.next ? (
        <p>
          <Link to={props.next.to}>{props.next.label}</Link>
        </p>
      ) : null}
    </section>
  );
}
