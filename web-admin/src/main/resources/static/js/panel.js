// With script, the menu folds into a button on a narrow screen (see .menu-toggle in panel.css).
document.documentElement.classList.add('js');
document.addEventListener('click', function (event) {
  var toggle = event.target.closest && event.target.closest('.menu-toggle');
  if (toggle) {
    var open = toggle.closest('header').classList.toggle('open');
    toggle.setAttribute('aria-expanded', String(open));
  }
});

// The error summary's link to a refused field (FieldErrors) puts the cursor in the field, not only beside it.
document.addEventListener('click', function (event) {
  var link = event.target.closest && event.target.closest('.error a.to-field');
  var field = link && document.querySelector('[aria-invalid="true"]');
  if (field) {
    event.preventDefault();
    field.focus();
  }
});

// Forms that change something important ask first: <form data-confirm="...">.
document.addEventListener('submit', function (event) {
  var question = event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// Live pages: the parts marked data-live (a list, the queue, a ticket's timeline) are fetched again
// when the server says a ticket changed (server-sent events from /live), and the page says quietly
// how many tickets are new to it.
(function () {
  var parts = document.querySelectorAll('[data-live]');
  var url = document.querySelector('meta[name="live"]');
  if (!parts.length || !url || !window.EventSource || !window.fetch || !window.DOMParser) {
    return;
  }
  var busy = false;
  var again = false;
  var seen = null;
  function tickets(root) {
    var found = {};
    root.querySelectorAll('a[href*="/tickets/"]').forEach(function (a) { found[a.getAttribute('href')] = true; });
    return found;
  }
  function refresh() {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    // the header keeps a flash message ("Saved") for the page the viewer goes to next, not this refresh
    fetch(window.location.href, {credentials: 'same-origin', headers: {'X-Live-Refresh': '1'}}).then(function (response) {
      return response.ok ? response.text() : Promise.reject(response.status);
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, 'text/html');
      var added = 0;
      document.querySelectorAll('[data-live]').forEach(function (part) {
        var fresh = page.getElementById(part.id);
        if (!fresh) {
          return;
        }
        var before = tickets(part);
        Object.keys(tickets(fresh)).forEach(function (href) { if (!before[href]) { added++; } });
        part.replaceWith(document.importNode(fresh, true));
      });
      var note = document.getElementById('live-note');
      if (note && added > 0) {
        var count = added + Number(note.getAttribute('data-count') || 0);
        note.setAttribute('data-count', String(count));
        note.textContent = (count === 1 ? note.getAttribute('data-one') : note.getAttribute('data-many')).replace('{0}', count);
        note.hidden = false;
      }
    }).catch(function () {
      // the next change tries again
    }).finally(function () {
      busy = false;
      if (again) {
        again = false;
        refresh();
      }
    });
  }
  var source = new EventSource(url.getAttribute('content'));
  // a page being left stops listening at once (no refresh of a page that is going away)
  window.addEventListener('pagehide', function () { source.close(); });
  source.addEventListener('tickets', function (event) {
    if (seen !== null && event.data !== seen) {
      refresh();
    }
    seen = event.data;
  });
})();
