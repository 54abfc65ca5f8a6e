/* eslint-disable @typescript-eslint/no-require-imports */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

/** Where the add-in is served in development; a production build replaces it with --env urlProd=https://…/ */
const DEV_URL = "https://localhost:3000/";

/** The ES5 check that shows a clear message where the webview is too old for the bundles (see the file). */
const UNSUPPORTED_HOST = `<script>${require("fs").readFileSync(path.join(__dirname, "src/addin/unsupported/unsupported-host.js"), "utf8")}</script>`;

const PAGES = [
  {
    name: "commands",
    entry: "./src/addin/commands/commands.ts",
    template: "./src/addin/commands/commands.html",
  },
  {
    name: "dialog",
    entry: "./src/addin/dialog/dialog.ts",
    template: "./src/addin/dialog/dialog.html",
  },
  {
    name: "taskpane",
    entry: "./src/addin/taskpane/index.tsx",
    template: "./src/addin/taskpane/taskpane.html",
  },
];

/**
 * The preview: the same pages in frames of preview.html, each with the bridge
 * to the page's fake Excel loaded right after office.js, before the page's own code.
 */
const PREVIEW_FRAMES = PAGES.map((page) => ({
  filename: `preview-${page.name === "taskpane" ? "pane" : page.name}.html`,
  template: page.template,
  chunks: ["bridge", page.name],
  // office.js sends a frame that is not inside Office to about:blank unless OsfOptOut is defined
  // (office.debug.js, the isPlainBrowser branch of its initialisation).
  previewHead: "<script>window.OsfOptOut = true;</script>",
  unsupportedHost: UNSUPPORTED_HOST,
}));

/**
 * The pages' template parameters, plus `engineWorker`: the worker's hashed file name, which
 * the pane reads from a meta tag (webpack's `new Worker(new URL(…, import.meta.url))` would
 * need ES-module sources, and the sources compile as CommonJS for Node and Jest). Content
 * hashes are settled after the pages are made; webpack's real-content-hash step then rewrites
 * the name in the page as it does in script tags.
 */
function pageParameters(compilation, assets, assetTags, options) {
  const worker = compilation.namedChunks.get("engine-worker");
  return {
    compilation,
    webpackConfig: compilation.options,
    htmlWebpackPlugin: { tags: assetTags, files: assets, options },
    engineWorker: [...worker.files].find((file) => file.endsWith(".js")),
  };
}

/**
 * office-addin-dev-certs makes a certificate for localhost and has the system
 * trust it; where it cannot (Linux without sudo), webpack-dev-server's own
 * self-signed certificate serves, and the browser asks to accept it once.
 */
async function httpsServer() {
  try {
    return {
      type: "https",
      options: await require("office-addin-dev-certs").getHttpsServerOptions(),
    };
  } catch (error) {
    console.warn(`Using a self-signed certificate: ${error.message.split("\n")[0]}`);
    return "https";
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const baseUrl = production && env.urlProd ? env.urlProd : DEV_URL;
  if (!/^https:\/\/[^/]+(\/[^?#]*)?\/$/.test(baseUrl)) {
    throw new Error(
      `urlProd must be an https URL ending with "/", e.g. https://addins.comune.example.it/objective-check/ (got ${baseUrl})`
    );
  }
  return {
    // Paths below are the project's, wherever the build is started from (a test may have changed directory).
    context: __dirname,
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry: {
      ...Object.fromEntries(PAGES.map((page) => [page.name, page.entry])),
      bridge: "./src/preview/bridge.ts",
      "engine-worker": "./src/addin/taskpane/engine.worker.ts",
      preview: "./src/preview/preview.tsx",
    },
    output: {
      path: env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, "dist/addin"),
      // The worker too: a pane and its worker always come from the same build, never a cached old worker.
      filename: "[name].[contenthash:8].js",
      // webpack's own runtime code, held to the same ES2022 as the sources.
      environment: {
        arrowFunction: true,
        const: true,
        destructuring: true,
        optionalChaining: true,
        templateLiteral: true,
      },
      clean: true,
    },
    // Browser pages only read workbooks; writing one (zlib) is the command line's job.
    resolve: { extensions: [".ts", ".tsx", ".js"], fallback: { zlib: false } },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          // ES modules let webpack drop what the ribbon command does not use (zod/mini, Fluent UI).
          // ES2022, as Fluent UI's own code (class static blocks): WebView2 and current browsers parse it (test/manifest).
          options: {
            transpileOnly: true,
            compilerOptions: {
              module: "esnext",
              moduleResolution: "bundler",
              sourceMap: true,
              target: "es2022",
            },
          },
        },
      ],
    },
    plugins: [
      ...PAGES.map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: `${page.name}.html`,
            template: page.template,
            chunks: [page.name],
            previewHead: "",
            unsupportedHost: UNSUPPORTED_HOST,
            templateParameters: pageParameters,
          })
      ),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/addin/help.html",
        chunks: [],
      }),
      ...PREVIEW_FRAMES.map(
        (frame) =>
          new HtmlWebpackPlugin({
            ...frame,
            chunksSortMode: "manual",
            templateParameters: pageParameters,
          })
      ),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "assets/sample/2018_ZN12.xlsx", to: "assets/sample.xlsx" },
          // The seed card as plain ranges, for the preview's ?workbook=plain and plain-merged.
          { from: "assets/sample/plain/*.xlsx", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // Page URLs take the base URL; AppDomain takes its origin.
            transform: (content) =>
              content
                .toString()
                .split(DEV_URL)
                .join(baseUrl)
                .split(DEV_URL.slice(0, -1))
                .join(new URL(baseUrl).origin),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: 3000,
      server: env.WEBPACK_SERVE ? await httpsServer() : "https",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist/addin") },
    },
  };
};
