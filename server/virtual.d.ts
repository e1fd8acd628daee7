declare module "virtual:react-router/server-build" {
  import type { ServerBuild } from "react-router";

  const build: ServerBuild;
  export = build;
}

declare module "virtual:impulso/catalogue-chunks" {
  // see vite.config.ts
  const chunks: Record<string, string>;
  export default chunks;
}
