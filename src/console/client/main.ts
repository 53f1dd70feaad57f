/** Boot and hash routing: #/users, #/users/{id}, #/create, #/import. */
export const main = String.raw`
async function route() {
  const nav = document.getElementById('nav');
  if (!session || !session.key) {
    nav.hidden = true;
    document.getElementById('scope-banner').hidden = true;
    signInScreen();
    return;
  }
  if (!session.scopes) {
    try {
      session.scopes = await probeScopes();
    } catch (e) {
      saveSession(null);
      signInScreen();
      say(document.querySelector('#main .msg'), errorText(e), 'error');
      return;
    }
  }
  nav.hidden = false;
  document.getElementById('who').textContent = 'Project ' + session.project;
  const missing = Object.keys(session.scopes).filter((scope) => !can(scope));
  const banner = document.getElementById('scope-banner');
  banner.hidden = !missing.length;
  banner.textContent = 'This key lacks the scopes ' + missing.join(', ') + ': controls that need them are disabled.';
  // Without users.write the Import link has no href (not followable) and the banner, naming the scope, describes it.
  const importLink = document.getElementById('nav-import');
  if (can('users.write')) {
    importLink.setAttribute('href', '#/import');
    ['aria-disabled', 'aria-describedby', 'title'].forEach((name) => importLink.removeAttribute(name));
  } else {
    importLink.removeAttribute('href');
    importLink.setAttribute('aria-disabled', 'true');
    importLink.setAttribute('aria-describedby', 'scope-banner');
    importLink.title = 'This key lacks the users.write scope';
  }
  const parts = location.hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'users' && parts[1]) userDetailScreen(decodeURIComponent(parts[1]));
  else if (parts[0] === 'create') createUserScreen();
  else if (parts[0] === 'import') importScreen();
  else usersListScreen();
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('sign-out').addEventListener('click', () => {
    saveSession(null);
    location.hash = '';
    route();
  });
  window.addEventListener('hashchange', route);
  route();
});
`;
