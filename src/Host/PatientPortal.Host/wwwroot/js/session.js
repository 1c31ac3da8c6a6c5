// Warns two minutes before the idle timeout ends the session on the server, and offers to stay signed in.
// The server is the judge: this only spares the patient a surprise.
(function () {
    "use strict";
    document.addEventListener("DOMContentLoaded", function () {
        var dialog = document.getElementById("session-warning");
        var idle = dialog && parseInt(dialog.getAttribute("data-idle-seconds"), 10);
        if (!idle) { return; }
        var warnAt = Math.max(idle - 120, 5) * 1000;
        var warnTimer, endTimer;
        function arm() {
            clearTimeout(warnTimer); clearTimeout(endTimer);
            warnTimer = setTimeout(function () { dialog.showModal(); }, warnAt);
            endTimer = setTimeout(function () {
                window.location.href = "/login?expired=1&returnUrl=" + encodeURIComponent(window.location.pathname + window.location.search);
            }, idle * 1000);
        }
        document.getElementById("session-stay").addEventListener("click", function () {
            fetch("/session/keepalive", {
                method: "POST",
                credentials: "same-origin",
                headers: { "X-CSRF-TOKEN": dialog.getAttribute("data-keepalive-token") }
            }).then(function (response) {
                if (response.ok) { dialog.close(); arm(); } else { window.location.href = "/login?expired=1"; }
            });
        });
        arm();
    });
})();
