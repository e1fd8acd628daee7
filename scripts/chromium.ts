// How the browser tests and the benchmarks launch Debian's Chromium (browsers cannot be downloaded
// here): no sandbox (root in CI), no GPU, and no background traffic of its own that would add to what
// a page is measured or tested to send.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
