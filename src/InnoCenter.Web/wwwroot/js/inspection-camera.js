// Site inspection: a photo taken with the phone's camera carries the moment it was taken and, where the phone
// gives it, the place. Loaded as a file because the CSP forbids inline script; the page alone may use the camera.
(function () {
    var form = document.querySelector('[data-camera-form]');
    if (!form) {
        return;
    }

    var input = form.querySelector('input[type=file]');
    var status = form.querySelector('[data-place-status]');
    input.addEventListener('change', function () {
        form.querySelector('[data-taken-at]').value = new Date().toISOString();
        if (!navigator.geolocation) {
            return;
        }

        navigator.geolocation.getCurrentPosition(function (pos) {
            form.querySelector('[data-latitude]').value = pos.coords.latitude.toFixed(6);
            form.querySelector('[data-longitude]').value = pos.coords.longitude.toFixed(6);
            if (status) {
                status.textContent = pos.coords.latitude.toFixed(5) + ', ' + pos.coords.longitude.toFixed(5);
            }
        }, function () { /* No place given: the photo keeps its time only. */ }, { enableHighAccuracy: true, timeout: 10000 });
    });
})();
