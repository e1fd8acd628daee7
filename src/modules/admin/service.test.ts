import { describe, expect, it } from "vitest";
import { withAccountLinksHidden } from "./service";

const token = "aB3_dE5-fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5zA7bC";

describe("the outbox as administrators read it", () => {
  it("hides the links that act on an existing account, and keeps invitation links", () => {
    const text = [
      `Restablecer: https://impulso.example/restablecer/${token}`,
      `Confirmar: https://impulso.example/correo/${token}`,
      `Deshacer: https://impulso.example/correo/deshacer/${token}`,
      `Invitación: https://impulso.example/invitacion/${token}`,
    ].join("\n");
    const shown = withAccountLinksHidden(text);
    expect(shown).toContain("/restablecer/[enlace oculto]");
    expect(shown).toContain("/correo/[enlace oculto]");
    expect(shown).toContain("/correo/deshacer/[enlace oculto]");
    expect(shown).toContain(`/invitacion/${token}`);
    expect(shown.split(token)).toHaveLength(2); // only the invitation's
  });
});
