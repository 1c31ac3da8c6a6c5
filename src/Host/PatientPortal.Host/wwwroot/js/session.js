// Warns two minutes before the idle timeout ends the session on the server, and offers to stay signed in.
// The server is the judge: this only spares the patient a surprise.
(function () {
    "use strict";
    document.addEventListener("DOMContentLoaded", function () {
        var dialog = document.getElementById("session-warning");
        var idle = dialog && parseInt(dialog.getAttribute("data-idle-seconds"), 10);
        if (!idle) { return; }
        var warnAt = Math.max(idle - 120, 5) * 1000;
        var stay = document.getElementById("session-stay");
        var warnTimer, endTimer, returnFocus;
        function arm() {
            clearTimeout(warnTimer); clearTimeout(endTimer);
            warnTimer = setTimeout(function () {
                // Remember where the keyboard was, open the modal warning and put the focus on its button; Escape or
                // Stay signed in gives the focus back.
                returnFocus = document.activeElement;
                dialog.showModal();
                stay.focus();
            }, warnAt);
            endTimer = setTimeout(function () {
                window.location.href = "/login?expired=1&returnUrl=" + encodeURIComponent(window.location.pathname + window.location.search);
            }, idle * 1000);
        }
        dialog.addEventListener("close", function () {
            if (returnFocus && typeof returnFocus.focus === "function") { returnFocus.focus(); }
        });
        stay.addEventListener("click", function () {
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
