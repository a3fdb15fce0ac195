// Asks before an irreversible step: any form or button carrying data-confirm="…" must be confirmed.
document.addEventListener('submit', function (e) {
    var form = e.target;
    var submitter = e.submitter;
    var message = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
        e.preventDefault();
    }
});
