import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
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
