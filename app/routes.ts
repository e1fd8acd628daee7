import { index, type RouteConfig, route } from "@react-router/dev/routes";

// Spanish paths: they are what users see and share.
export default [
  index("routes/home.tsx"),
  route("ingresar", "routes/sign-in.tsx"),
  route("salir", "routes/sign-out.tsx"),
  route("recuperar", "routes/forgot-password.tsx"),
  route("restablecer/:token", "routes/reset-password.tsx"),
  route("invitacion/:token", "routes/accept-invitation.tsx"),
  route("idioma", "routes/language.tsx"),
  route("personas", "routes/people.tsx"),
  route("personas/invitar", "routes/people.invite-staff.tsx"),
  route("personas/:personId", "routes/person.tsx"),
  route("personas/:personId/editar", "routes/person.edit.tsx"),
  route("establecimientos", "routes/schools.tsx"),
  route("establecimientos/nuevo", "routes/schools.new.tsx"),
  route("establecimientos/:schoolId", "routes/schools.detail.tsx"),
  route("establecimientos/:schoolId/editar", "routes/schools.edit.tsx"),
  route("establecimientos/:schoolId/invitar", "routes/school.invite.tsx"),
  route("establecimientos/:schoolId/importar", "routes/roster.upload.tsx"),
  route("establecimientos/:schoolId/importar/ejemplo.csv", "routes/roster.example.ts"),
  route("establecimientos/:schoolId/importaciones/:importId", "routes/roster.import.tsx"),
  route("establecimientos/:schoolId/importaciones/:importId/rechazadas.csv", "routes/roster.rejected.ts"),
  route("admin/correos", "routes/admin.outbox.tsx"),
  route("admin/correos/:emailId", "routes/admin.outbox.email.tsx"),
  route("admin/auditoria", "routes/admin.audit.tsx"),
] satisfies RouteConfig;
