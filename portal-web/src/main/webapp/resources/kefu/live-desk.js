/*
 * The live desk in the browser: one EventSource per staff page (the login session's cookie authenticates it); each
 * change asks the page to re-render its live parts from the server (debounced: a burst of changes is one request).
 * The events carry no content: what is shown, masked or allowed is decided by the server on that re-render.
 */
(function () {
    var desk = document.getElementById('live-desk');
    if (!desk || !window.EventSource) {
        return;
    }
    var timers = {};
    var seen = 0;
    function soon(name, call) {
        clearTimeout(timers[name]);
        timers[name] = setTimeout(function () {
            if (typeof window[call] === 'function') {
                window[call]();
            }
        }, 250);
    }
    function heard() {
        seen += 1;
        desk.setAttribute('data-events', String(seen));
    }
    var source = new EventSource(desk.getAttribute('data-stream'));
    source.addEventListener('ready', function () {
        desk.setAttribute('data-live', 'open');
    });
    ['case', 'callback'].forEach(function (name) {
        source.addEventListener(name, function () {
            heard();
            soon('page', 'kefuLiveRefresh');
        });
    });
    source.addEventListener('notice', function () {
        heard();
        soon('page', 'kefuLiveRefresh');
        soon('alerts', 'kefuLiveAlerts');
    });
    source.onerror = function () {
        desk.setAttribute('data-live', 'reconnecting');
    };
    window.addEventListener('pagehide', function () {
        source.close();
    });
}());
