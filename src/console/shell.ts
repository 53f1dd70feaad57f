import { html } from 'hono/html';

/** The page: a header, an empty `<main>` the client fills, and the one script. No inline code (CSP). */
export const shell = (projectId: string) =>
  html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>Users console</title>
    <link rel="stylesheet" href="/console/app.css" />
    <script src="/console/app.js" defer></script>
  </head>
  <body data-project="${projectId}">
    <a class="skip" href="#main">Skip to content</a>
    <header class="top">
      <span class="brand">Users console</span>
      <nav id="nav" aria-label="Console" hidden>
        <a href="#/users">Users</a>
        <a href="#/create" id="nav-create">Create user</a>
        <a href="#/import" id="nav-import" role="link">Import</a>
        <span class="who" id="who"></span>
        <button type="button" id="sign-out">Sign out</button>
      </nav>
    </header>
    <p id="scope-banner" class="note banner" role="note" hidden></p>
    <main id="main" tabindex="-1"></main>
    <noscript>The console needs JavaScript.</noscript>
  </body>
</html>`.toString();
