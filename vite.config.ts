import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [reactRouter()],
  build: {
    target: "es2022",
    // The server build's entry is our own Express app (server/app.ts), which imports React Router's
    // virtual server build: one bundle, one copy of every module.
    rollupOptions: isSsrBuild ? { input: "./server/app.ts" } : undefined,
  },
  ssr: {
    external: ["@electric-sql/pglite", "pg", "@node-rs/argon2", "exceljs", "nodemailer", "express", "compression"],
  },
}));
