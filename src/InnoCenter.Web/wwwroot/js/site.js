// Asks before an irreversible step: any form or button carrying data-confirm="…" must be confirmed.
document.addEventListener('submit', function (e) {
    var form = e.target;
    var submitter = e.submitter;
    var message = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
        e.preventDefault();
    }
});

// Shows that a submitted form is being worked on (scoring, generating documents, saving a long form) and keeps the
// same form from being sent twice: the button that sent it is disabled with a spinner once the browser has read it.
document.addEventListener('submit', function (e) {
    var button = e.submitter;
    if (e.defaultPrevented || !button || button.hasAttribute('data-no-busy')) {
        return;
    }

    window.setTimeout(function () {
        button.disabled = true;
        button.setAttribute('aria-busy', 'true');
        var label = document.body.getAttribute('data-busy-text');
        var spinner = document.createElement('span');
        spinner.className = 'spinner-border spinner-border-sm ms-2';
        spinner.setAttribute('role', 'status');
        if (label) {
            spinner.setAttribute('aria-label', label);
        }
        button.appendChild(spinner);
        // A form answered with a download leaves the page in place: give the button back.
        window.setTimeout(function () { release(button); }, 15000);
    }, 0);
});

function release(button) {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    var spinner = button.querySelector('.spinner-border');
    if (spinner) {
        spinner.remove();
    }
}

// Coming back with the browser's Back button shows the page as it was left: no button stays busy.
window.addEventListener('pageshow', function (e) {
    if (e.persisted) {
        document.querySelectorAll('button[aria-busy="true"]').forEach(release);
    }
});
