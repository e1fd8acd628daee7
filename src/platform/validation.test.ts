import { describe, expect, it } from "vitest";
import { z } from "zod";
import { esCL } from "../messages/es-CL";
import { fieldMessageParams, ValidationError } from "./errors";
import { format } from "./i18n/i18n";
import { optionalText, parseInput, requiredText } from "./validation";

describe("a refused field's message", () => {
  it("says the most each too-long field takes, not '{max}'", () => {
    const schema = z.object({ title: requiredText(10), notes: optionalText(20) });
    let error: unknown;
    try {
      parseInput(schema, { title: "x".repeat(11), notes: "y".repeat(21) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const refused = error as ValidationError;
    const shown = (field: string) =>
      format(
        esCL[refused.fieldErrors[field] as keyof typeof esCL],
        "",
        fieldMessageParams(refused.params, field),
      );
    expect(shown("title")).toBe("Es demasiado largo (máximo 10 caracteres).");
    expect(shown("notes")).toBe("Es demasiado largo (máximo 20 caracteres).");
  });
});
