#!/usr/bin/env python3
"""Checks the built eksdoc site in headless Chromium over the DevTools protocol.

usage: browser_check.py SITE_DIR ARTIFACT_DIR
       browser_check.py --no-script SITE_DIR


Checks: pages load without console errors or uncaught exceptions; searching "prefix delegation" finds the CNI page;
the dark-mode toggle changes the theme and the choice survives a reload; a sidebar link click navigates; a 1280x800
screenshot of each environment's network page is written to ARTIFACT_DIR/<env>-network.png.
With --no-script, every HTML page of a site built from hostile inputs is opened instead, and each must run
none of the payloads: window.__pwned stays unset, no dialog opens, no element carries an on* handler attribute and
no link or image points at a javascript: URL.
Prints one line per check and exits 0 only when every check passes (1 when one fails, 2 when it cannot run).
Needs Chromium (Debian package `chromium`) and the PyPI package `websocket-client`; `make deps` installs both.
"""
import base64
import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

try:
    import websocket  # websocket-client
except ImportError:
    print("browser_check: the Python module 'websocket' (PyPI websocket-client) is missing; run make deps",
          file=sys.stderr)
    sys.exit(2)

TOTAL_SECONDS = 55          # the whole script, startup included
COMMAND_SECONDS = 10        # one DevTools command
ENVIRONMENTS = ["leadertools-qas", "retail-store"]
WIDTH, HEIGHT = 1280, 800
START = time.monotonic()


def remaining(limit):
    """Seconds left for a step: at most `limit`, never past the whole-script deadline."""
    left = TOTAL_SECONDS - (time.monotonic() - START)
    if left <= 0:
        raise TimeoutError("browser_check ran out of time (%d s)" % TOTAL_SECONDS)
    return min(limit, left)


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class CDP:
    """A minimal synchronous DevTools client for one page target; events are kept for inspection."""

    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=remaining(COMMAND_SECONDS), suppress_origin=True)
        self.next_id = 0
        self.errors = []  # console errors and uncaught exceptions since the last clear
        self.dialogs = []  # alert/confirm/prompt messages, dismissed as they open

    def _handle(self, message):
        method = message.get("method")
        params = message.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text", "exception")
            self.errors.append("uncaught exception: %s (%s:%s)" % (text, details.get("url", ""),
                                                                     details.get("lineNumber", "")))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            args = [a.get("value", a.get("description", "")) for a in params.get("args", [])]
            self.errors.append("console.%s: %s" % (params.get("type"), " ".join(str(a) for a in args)))
        elif method == "Page.javascriptDialogOpening":
            self.dialogs.append(params.get("message", ""))
            self.next_id += 1
            self.ws.send(json.dumps({"id": self.next_id, "method": "Page.handleJavaScriptDialog",
                                     "params": {"accept": False}}))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            self.errors.append("log error: %s %s" % (entry.get("text", ""), entry.get("url", "")))

    def _receive(self, timeout):
        self.ws.settimeout(max(0.05, timeout))
        try:
            return json.loads(self.ws.recv())
        except websocket.WebSocketTimeoutException:
            return None

    def call(self, method, **params):
        self.next_id += 1
        ident = self.next_id
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        deadline = time.monotonic() + remaining(COMMAND_SECONDS)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer to %s" % method)
            message = self._receive(left)
            if message is None:
                continue
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError("%s failed: %s" % (method, message["error"]))
                return message.get("result", {})
            self._handle(message)

    def pump(self, seconds):
        """Reads events for a while (late console errors, script loads)."""
        deadline = time.monotonic() + remaining(seconds)
        while time.monotonic() < deadline:
            message = self._receive(deadline - time.monotonic())
            if message is not None:
                self._handle(message)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError("evaluating %r: %s" % (expression, result["exceptionDetails"].get("text")))
        return result.get("result", {}).get("value")

    def wait_for(self, expression, seconds=5.0):
        """Polls a JavaScript expression until it is truthy; returns its last value."""
        deadline = time.monotonic() + remaining(seconds)
        value = None
        while time.monotonic() < deadline:
            try:
                value = self.evaluate(expression)
            except RuntimeError:
                value = None  # the page is between documents
            if value:
                return value
            self.pump(0.1)
        return value

    def wait_loaded(self, url_suffix, seconds=10.0):
        expression = ("document.readyState === 'complete' && location.href.split('#')[0].endsWith(%s)"
                      % json.dumps(url_suffix))
        return bool(self.wait_for(expression, seconds))

    def navigate(self, url):
        self.call("Page.navigate", url=url)
        return self.wait_loaded(url.split("#")[0])

    def click(self, selector):
        """A real mouse click at the middle of the first element matching `selector`."""
        box = self.evaluate(
            "(function(){var e=document.querySelector(%s); if(!e) return null; e.scrollIntoView({block:'center'});"
            "var r=e.getBoundingClientRect(); return [r.left+r.width/2, r.top+r.height/2, r.width, r.height];})()"
            % json.dumps(selector))
        if not box or box[2] <= 0 or box[3] <= 0:
            raise RuntimeError("nothing visible to click for %s" % selector)
        x, y = box[0], box[1]
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        self.call("Input.dispatchMouseEvent", type="mousePressed", x=x, y=y, button="left", clickCount=1)
        self.call("Input.dispatchMouseEvent", type="mouseReleased", x=x, y=y, button="left", clickCount=1)

    def close(self):
        try:
            self.ws.close()
        except Exception:
            pass


def png_size(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def start_chromium(binary, profile):
    log = open(os.path.join(profile, "chromium.log"), "wb")
    process = subprocess.Popen(
        [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-address=127.0.0.1",
         "--remote-debugging-port=0", "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
         "--disable-extensions", "--disable-background-networking", "--disable-component-update",
         "--window-size=%d,%d" % (WIDTH, HEIGHT), "about:blank"],
        stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
    log.close()
    port_file = Path(profile) / "DevToolsActivePort"
    deadline = time.monotonic() + remaining(20)
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("chromium exited with status %s; see its log:\n%s"
                               % (process.returncode, (Path(profile) / "chromium.log").read_text(errors="replace")[-2000:]))
        if port_file.exists():
            lines = port_file.read_text().splitlines()
            if lines and lines[0].strip().isdigit():
                return process, int(lines[0])
        time.sleep(0.05)
    raise TimeoutError("chromium did not write DevToolsActivePort")


def page_websocket(port):
    deadline = time.monotonic() + remaining(10)
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port, timeout=remaining(3)) as response:
                targets = json.load(response)
            for target in targets:
                if target.get("type") == "page" and target.get("webSocketDebuggerUrl"):
                    return target["webSocketDebuggerUrl"]
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError("no page target in chromium")


def stop_chromium(process):
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(timeout=5)


class Checks:
    def __init__(self):
        self.failed = 0

    def report(self, ok, name, detail=""):
        print("%s %s%s" % ("PASS" if ok else "FAIL", name, (": " + detail) if detail else ""), flush=True)
        if not ok:
            self.failed += 1


def run_checks(cdp, site, artifacts, checks):
    def url(relative):
        return (site / relative).as_uri()

    cdp.call("Runtime.enable")
    cdp.call("Log.enable")
    cdp.call("Page.enable")
    cdp.call("Emulation.setDeviceMetricsOverride", width=WIDTH, height=HEIGHT, deviceScaleFactor=1, mobile=False)

    # (1) pages load without console errors; (5) screenshots of each environment's network page.
    for relative in ["index.html"] + ["%s/network.html" % env for env in ENVIRONMENTS]:
        cdp.errors = []
        loaded = cdp.navigate(url(relative))
        cdp.pump(0.5)
        title = cdp.evaluate("document.title") if loaded else None
        ok = loaded and not cdp.errors and bool(title)
        detail = "title %r" % title if ok else ("did not load" if not loaded else "; ".join(cdp.errors) or "no title")
        checks.report(ok, "load %s" % relative, detail)
        if relative.endswith("network.html"):
            env = relative.split("/")[0]
            path = artifacts / ("%s-network.png" % env)
            try:
                cdp.evaluate("window.scrollTo(0, 0)")
                shot = cdp.call("Page.captureScreenshot", format="png")
                data = base64.b64decode(shot["data"])
                path.write_bytes(data)
                size = png_size(data)
                checks.report(size == (WIDTH, HEIGHT), "screenshot %s" % path.name,
                              "%s, %d bytes, %s" % ("x".join(map(str, size)) if size else "not a PNG", len(data), path))
            except Exception as error:  # noqa: BLE001 - reported as a failed check
                checks.report(False, "screenshot %s" % path.name, str(error))

    # (2) search "prefix delegation" finds the CNI page among the first five results, searched from the home page
    # and from a page of that environment (where that environment's pages rank first among equals).
    for start_page in ("index.html", "leadertools-qas/network.html"):
        cdp.errors = []
        name = "search 'prefix delegation' from %s" % start_page
        if not cdp.navigate(url(start_page)):
            checks.report(False, name, "%s did not load" % start_page)
            continue
        cdp.evaluate("document.getElementById('search-input').focus()")
        cdp.call("Input.insertText", text="prefix delegation")
        found = cdp.wait_for(
            "(function(){var l=document.getElementById('search-results'); if(!l||l.hidden) return null;"
            "var a=Array.prototype.map.call(l.querySelectorAll('li[role=option] a'),function(x){return x.href;});"
            "for(var i=0;i<a.length;i++){if(a[i].split('#')[0].endsWith('/leadertools-qas/cni-capacity.html'))"
            "return {rank:i+1,count:a.length,href:a[i]};} return null;})()", 5.0)
        ok = bool(found) and found["rank"] <= 5 and not cdp.errors
        detail = ("result %d of %d: %s" % (found["rank"], found["count"], found["href"].split(str(site))[-1])
                  if found else "no result links to leadertools-qas/cni-capacity.html")
        checks.report(ok, name, detail + ("; " + "; ".join(cdp.errors) if cdp.errors else ""))

    # (3) the dark-mode toggle changes the theme, and the choice survives a reload.
    cdp.errors = []
    theme_js = ("document.documentElement.getAttribute('data-theme') || "
                "(matchMedia('(prefers-color-scheme: dark)').matches ? 'system-dark' : 'system-light')")
    page = "leadertools-qas/network.html"
    if cdp.navigate(url(page)):
        before = cdp.evaluate(theme_js)
        cdp.click(".theme-toggle")
        after = cdp.wait_for("(function(){var t=%s; return t !== %s ? t : null;})()" % (theme_js, json.dumps(before)),
                             3.0)
        stored = cdp.evaluate("localStorage.getItem('eksdoc-theme')")
        cdp.call("Page.reload", ignoreCache=True)
        time.sleep(0.2)
        reloaded = cdp.evaluate(theme_js) if cdp.wait_loaded(page) else None
        ok = bool(after) and after in ("light", "dark") and stored == after and reloaded == after and not cdp.errors
        checks.report(ok, "dark-mode toggle",
                      "%s -> %s, localStorage %r, after reload %s%s"
                      % (before, after, stored, reloaded, ("; " + "; ".join(cdp.errors)) if cdp.errors else ""))
        cdp.evaluate("localStorage.removeItem('eksdoc-theme')")
    else:
        checks.report(False, "dark-mode toggle", "%s did not load" % page)

    # (4) clicking a sidebar link navigates.
    cdp.errors = []
    if cdp.navigate(url(page)):
        try:
            cdp.click("#sidebar a[href='routing.html']")
            navigated = cdp.wait_loaded("leadertools-qas/routing.html", 5.0)
            where = cdp.evaluate("location.pathname")
            checks.report(navigated and not cdp.errors, "sidebar link Routing",
                          "now at %s%s" % (where, ("; " + "; ".join(cdp.errors)) if cdp.errors else ""))
        except Exception as error:  # noqa: BLE001
            checks.report(False, "sidebar link Routing", str(error))
    else:
        checks.report(False, "sidebar link Routing", "%s did not load" % page)


# What a page may not hold after loading: payload effects, inline handlers, script URLs.
NO_SCRIPT_PROBE = """(function(){
  var handlers = [], links = [];
  document.querySelectorAll('*').forEach(function (e) {
    for (var i = 0; i < e.attributes.length; i++) {
      var a = e.attributes[i];
      if (a.name.toLowerCase().indexOf('on') === 0) { handlers.push(e.tagName + '[' + a.name + ']'); }
      if ((a.name === 'href' || a.name === 'src' || a.name === 'xlink:href') &&
          a.value.replace(/\\s/g, '').toLowerCase().indexOf('javascript:') === 0) { links.push(e.tagName + '[' + a.name + ']'); }
    }
  });
  return {pwned: window.__pwned === undefined ? null : String(window.__pwned), handlers: handlers, links: links,
          iframes: document.querySelectorAll('iframe').length};
})()"""


def run_no_script_checks(cdp, site, checks):
    """Opens every HTML page of the site; none may run a payload."""
    cdp.call("Runtime.enable")
    cdp.call("Page.enable")
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    checks.report(len(pages) > 0, "hostile site has pages", "%d HTML pages" % len(pages))
    for relative in pages:
        cdp.dialogs = []
        if not cdp.navigate((site / relative).as_uri()):
            checks.report(False, "no script in %s" % relative, "did not load")
            continue
        cdp.pump(0.15)
        probe = cdp.evaluate(NO_SCRIPT_PROBE) or {}
        problems = []
        if probe.get("pwned") is not None:
            problems.append("window.__pwned = %s" % probe["pwned"])
        if cdp.dialogs:
            problems.append("dialogs: %s" % cdp.dialogs)
        if probe.get("handlers"):
            problems.append("handler attributes: %s" % probe["handlers"][:5])
        if probe.get("links"):
            problems.append("javascript: URLs: %s" % probe["links"][:5])
        if probe.get("iframes"):
            problems.append("%d iframes" % probe["iframes"])
        checks.report(not problems, "no script in %s" % relative, "; ".join(problems))

    # Search results are built from the index text: searching for the payloads must show them as text too.
    cdp.dialogs = []
    if (site / "index.html").is_file() and cdp.navigate((site / "index.html").as_uri()):
        cdp.evaluate("document.getElementById('search-input').focus()")
        cdp.call("Input.insertText", text="pwned")
        shown = cdp.wait_for("(function(){var l=document.getElementById('search-results');"
                             "return l && !l.hidden ? l.querySelectorAll('li[role=option]').length : 0;})()", 5.0)
        cdp.pump(0.2)
        probe = cdp.evaluate(NO_SCRIPT_PROBE) or {}
        ok = bool(shown) and probe.get("pwned") is None and not cdp.dialogs and not probe.get("handlers")
        checks.report(ok, "no script in search results", "%s results, pwned=%s, dialogs=%s, handlers=%s"
                      % (shown, probe.get("pwned"), cdp.dialogs, probe.get("handlers")))


def drive(run):
    """Starts headless Chromium, calls run(cdp, checks), stops it; prints the summary and returns the exit code."""
    binary = find_chromium()
    if binary is None:
        print("browser_check: chromium is not installed (Debian package chromium); run make deps", file=sys.stderr)
        return 2
    profile = tempfile.mkdtemp(prefix="eksdoc-chromium-")
    process = cdp = None
    checks = Checks()
    try:
        process, port = start_chromium(binary, profile)
        cdp = CDP(page_websocket(port))
        run(cdp, checks)
    except Exception as error:  # noqa: BLE001 - any failure to drive the browser fails the run
        print("FAIL browser: %s: %s" % (type(error).__name__, error), flush=True)
        return 1
    finally:
        if cdp is not None:
            cdp.close()
        stop_chromium(process)
        shutil.rmtree(profile, ignore_errors=True)
    print("%s: %d failed, %.1f s" % ("OK" if checks.failed == 0 else "FAILED", checks.failed,
                                     time.monotonic() - START), flush=True)
    return 0 if checks.failed == 0 else 1


def main(argv):
    global TOTAL_SECONDS
    if len(argv) == 3 and argv[1] == "--no-script":
        TOTAL_SECONDS = 150
        site = Path(argv[2]).resolve()
        return drive(lambda cdp, checks: run_no_script_checks(cdp, site, checks))
    if len(argv) != 3:
        print("usage: browser_check.py SITE_DIR ARTIFACT_DIR | --no-script SITE_DIR", file=sys.stderr)
        return 2
    site = Path(argv[1]).resolve()
    artifacts = Path(argv[2]).resolve()
    if not (site / "index.html").is_file():
        print("browser_check: %s has no index.html" % site, file=sys.stderr)
        return 2
    artifacts.mkdir(parents=True, exist_ok=True)
    return drive(lambda cdp, checks: run_checks(cdp, site, artifacts, checks))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
