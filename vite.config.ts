import { fileURLToPath } from "node:url";
import { reactRouter } from "@react-router/dev/vite";
import { defineConfig, type Plugin } from "vite";

const CATALOGUE_CHUNKS = "virtual:impulso/catalogue-chunks";

/**
 * `import chunks from "virtual:impulso/catalogue-chunks"`: the browser file of each language's catalogue
 * ({ en: "/assets/messages-en-<hash>.js", … }, see src/messages/load.ts), so that the server can have the
 * page's language preloaded with its scripts (app/lib/catalogue-chunks.server.ts). React Router bundles
 * the browser first, so the names are known when the server is bundled; the dev server has none.
 */
function catalogueChunks(): Plugin {
  const urls: Record<string, string> = {};
  return {
    name: "impulso:catalogue-chunks",
    resolveId: (source) => (source === CATALOGUE_CHUNKS ? `\0${CATALOGUE_CHUNKS}` : undefined),
    load: (id) => (id === `\0${CATALOGUE_CHUNKS}` ? `export default ${JSON.stringify(urls)};` : undefined),
    generateBundle(_, bundle) {
      if (this.environment.name !== "client") return;
      for (const chunk of Object.values(bundle)) {
        const locale =
          chunk.type === "chunk" &&
          chunk.facadeModuleId?.match(/\/src\/messages\/chunks\/messages-([\w-]+)\.ts$/)?.[1];
        if (locale) urls[locale] = `${this.environment.config.base}${chunk.fileName}`;
      }
    },
  };
}

/**
 * The service worker (app/service-worker.ts) as build/client/sw.js: a chunk of the browser build with a
 * fixed name and no imports, so that it runs as a classic worker script. The ids of the build's other
 * files go into it, so that each build is a new worker (the browser compares the script's bytes).
 */
function serviceWorker(): Plugin {
  return {
    name: "impulso:service-worker",
    buildStart() {
      if (this.environment?.name !== "client" || this.environment.mode !== "build") return;
      this.emitFile({
        type: "chunk",
        id: fileURLToPath(new URL("./app/service-worker.ts", import.meta.url)),
        fileName: "sw.js",
      });
    },
    generateBundle(_, bundle) {
      if (this.environment.name !== "client") return;
      const worker = bundle["sw.js"];
      if (worker?.type !== "chunk") return;
      if (worker.imports.length > 0)
        this.error("sw.js must not import anything (it runs as a classic script)");
      const build = Object.keys(bundle)
        .filter((name) => name !== "sw.js")
        .sort()
        .join(",");
      let hash = 0;
      for (let i = 0; i < build.length; i++) hash = (hash * 31 + build.charCodeAt(i)) >>> 0;
      worker.code = `// build ${hash.toString(36)}\n${worker.code}`;
    },
  };
}

/** `~/…` is `src/…` (tsconfig.json "paths" says the same to TypeScript and tsx). */
const alias = { "~": fileURLToPath(new URL("./src", import.meta.url)) };

export default defineConfig({
  plugins: [reactRouter(), catalogueChunks(), serviceWorker()],
  resolve: { alias },
  build: { target: "es2022" },
  environments: {
    // The server build's entry is our own Express app (server/app.ts), which imports React Router's
    // virtual server build: one bundle, one copy of every module.
    ssr: { build: { rollupOptions: { input: "./server/app.ts" } } },
  },
  ssr: {
    external: [
      "@electric-sql/pglite",
      "pg",
      "@node-rs/argon2",
      "exceljs",
      "nodemailer",
      "express",
      "compression",
    ],
  },
});
