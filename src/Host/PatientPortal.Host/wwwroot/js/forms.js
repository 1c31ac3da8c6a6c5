// Forms marked data-enable-when-valid keep their submit button disabled until every field is valid, as the
// clinic's guide describes ("Register stays disabled"). The server validates everything again regardless.
// A field with data-must-match="otherId" must equal that field (email and password confirmations).
(function () {
    "use strict";
    function check(form) {
        form.querySelectorAll("[data-must-match]").forEach(function (field) {
            var other = document.getElementById(field.getAttribute("data-must-match"));
            var same = other && field.value.trim().toLowerCase() === other.value.trim().toLowerCase();
            if (field.type === "password") { same = other && field.value === other.value; }
            field.setCustomValidity(same || field.value === "" ? "" : field.getAttribute("data-mismatch") || "mismatch");
        });
        var submit = form.querySelector("[type=submit]");
        if (submit) { submit.disabled = !form.checkValidity(); }
    }
    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("form[data-enable-when-valid]").forEach(function (form) {
            form.addEventListener("input", function () { check(form); });
            form.addEventListener("change", function () { check(form); });
            check(form);
        });
    });
})();

// A textarea with data-counter="id" updates that element with "n / max" as the patient types (the booking reason).
// Without JavaScript the counter shows the length the page was served with, and the server checks the limit.
(function () {
    "use strict";
    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("textarea[data-counter]").forEach(function (field) {
            var counter = document.getElementById(field.getAttribute("data-counter"));
            var max = field.getAttribute("maxlength");
            if (!counter || !max) { return; }
            var update = function () { counter.textContent = field.value.length + " / " + max; };
            field.addEventListener("input", update);
            update();
        });
    });
})();

// The inbox reply: a textarea with data-max counts characters as the patient sees them (an accented letter or an
// emoji is one: grapheme clusters), shows "n / max" in its data-counter element, and is invalid past the limit, so a
// form with data-enable-when-valid keeps Send disabled. The server counts the same way and decides.
(function () {
    "use strict";
    var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;
    function length(text) {
        if (segmenter) { var n = 0; for (var _ of segmenter.segment(text)) { n++; } return n; }
        return Array.from(text).length;
    }
    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("textarea[data-max]").forEach(function (field) {
            var counter = document.getElementById(field.getAttribute("data-counter"));
            var max = parseInt(field.getAttribute("data-max"), 10);
            var update = function () {
                var n = length(field.value);
                if (counter) {
                    counter.textContent = n + " / " + max;
                    counter.classList.toggle("over", n > max);
                }
                field.setCustomValidity(n > max ? field.getAttribute("data-too-long") || "too long" : "");
            };
            field.addEventListener("input", update);
            update();
        });
    });
})();

// Issue 11, phones: below 900 px the sidebar's tabs fold into a menu behind the "Menu" button (aria-expanded tells a
// screen reader whether it is open; Escape closes it and gives the focus back to the button). Without JavaScript the
// button stays hidden and the tabs stay open, so nothing is ever out of reach.
(function () {
    "use strict";
    document.addEventListener("DOMContentLoaded", function () {
        var button = document.querySelector(".menu-toggle");
        var menu = button && document.getElementById(button.getAttribute("aria-controls"));
        if (!menu) { return; }
        var sidebar = button.closest(".sidebar");
        var set = function (open) {
            button.setAttribute("aria-expanded", open ? "true" : "false");
            sidebar.classList.toggle("menu-open", open);
        };
        sidebar.classList.add("has-menu");
        button.hidden = false;
        set(false);
        button.addEventListener("click", function () { set(button.getAttribute("aria-expanded") !== "true"); });
        sidebar.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true" && getComputedStyle(button).display !== "none") {
                set(false);
                button.focus();
            }
        });
    });
})();
