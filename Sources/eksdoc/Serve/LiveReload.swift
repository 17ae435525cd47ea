import Foundation

/// Live reload by polling: every HTML response carries a small script that knows the build version it was
/// served with and asks `GET /__eksdoc/version` once a second; when the answer differs it reloads the page.
/// Polling (rather than Server-Sent Events) holds no connection open, survives server restarts (the page
/// keeps polling until the server is back) and needs nothing beyond `fetch`.
enum LiveReload {
    /// The path that answers the current build version as plain text.
    static let versionPath = "/__eksdoc/version"

    /// The `<script>` element for a page served at `version`.
    static func script(version: Int) -> String {
        """
        <script data-eksdoc-live-reload>/* eksdoc serve: live reload (polls \(versionPath) every second) */
        (function () {
          var served = "\(version)";
          function poll() {
            fetch("\(versionPath)", { cache: "no-store" })
              .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
              .then(function (text) {
                if (text.trim() !== served) { location.reload(); } else { setTimeout(poll, 1000); }
              })
              .catch(function () { setTimeout(poll, 1000); });
          }
          setTimeout(poll, 1000);
        })();
        </script>

        """
    }

    /// Inserts the script before the last `</body>` (any case), or appends it when the page has none.
    static func inject(into html: Data, version: Int) -> Data {
        let script = Data(script(version: version).utf8)
        guard let position = lastBodyClose(in: html) else { return html + script }
        var result = Data(html[html.startIndex..<position])
        result.append(script)
        result.append(html[position...])
        return result
    }

    /// The index of the last `</body` in the bytes, compared without regard to ASCII case.
    static func lastBodyClose(in data: Data) -> Data.Index? {
        let needle = Array("</body".utf8)
        let bytes = [UInt8](data)
        guard bytes.count >= needle.count else { return nil }
        var i = bytes.count - needle.count
        while i >= 0 {
            var match = true
            for j in 0..<needle.count where lowercased(bytes[i + j]) != needle[j] {
                match = false
                break
            }
            if match { return data.startIndex + i }
            i -= 1
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (byte >= 65 && byte <= 90) ? byte + 32 : byte
    }
}
