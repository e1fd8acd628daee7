import { z } from "zod";
import { normalizeEmail } from "../../platform/text";
import { normalizeRut } from "./rut";

// Shared field rules. Messages are catalogue keys.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "errors.too_long")
    .optional()
    .transform((v) => (v ? v : null));

export const nameField = z.string().trim().min(1, "errors.required").max(120, "errors.too_long");
export const emailField = z
  .string()
  .trim()
  .min(1, "errors.required")
  .max(254, "errors.too_long")
  .pipe(z.email("errors.invalid_email"))
  .transform(normalizeEmail);
export const rutField = z
  .string()
  .trim()
  .max(20, "errors.invalid_rut")
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const rut = normalizeRut(v);
    if (!rut) {
      ctx.addIssue({ code: "custom", message: "errors.invalid_rut" });
      return z.NEVER;
    }
    return rut;
  });

export const personInput = z.object({
  givenNames: nameField,
  familyNames: nameField,
  email: emailField,
  rut: rutField,
  phone: optionalText(30),
});
export type PersonInput = z.infer<typeof personInput>;

export const schoolRoleField = z.enum(["teacher", "leader", "mentor"], { message: "errors.invalid_choice" });
export const optionalTitle = optionalText(80);
