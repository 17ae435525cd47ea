import Foundation
import XCTest
@testable import EKSDocSite

/// The hand-written search index JSON is byte for byte what `JSONEncoder` (sorted keys, slashes unescaped) writes,
/// for the example site and for text with every kind of character that needs escaping.
final class SearchIndexJSONTests: XCTestCase {
    static func encoderJSON(_ index: SearchIndex) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(index)
    }

    func testExampleSiteIndexMatchesJSONEncoder() throws {
        let index = try JSONDecoder().decode(SearchIndex.self, from: XCTUnwrap(ExampleSite.files["search-index.json"]))
        XCTAssertGreaterThan(index.pages.count, 10)
        XCTAssertEqual(try index.json(), try Self.encoderJSON(index))
    }

    func testEscapesMatchJSONEncoder() throws {
        var controls = ""
        for value in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        let tricky = ["", "plain", "quote \" backslash \\ slash / tab\t", controls, "\u{7f} é ü 🚀 \u{2028}\u{2029} </script>",
                      "a\r\nb"]
        let index = SearchIndex(pages: tricky.map { text in
            SearchIndex.Entry(url: "p/\(text).html", title: text, environment: text,
                              sections: [SearchIndex.Section(anchor: text, heading: text, text: text),
                                         SearchIndex.Section(anchor: "", heading: "", text: "x")])
        } + [SearchIndex.Entry(url: "empty.html", title: "", environment: "", sections: [])])
        let ours = try index.json()
        XCTAssertEqual(String(decoding: ours, as: UTF8.self), String(decoding: try Self.encoderJSON(index), as: UTF8.self))
        XCTAssertEqual(try JSONDecoder().decode(SearchIndex.self, from: ours), index)
        XCTAssertEqual(try SearchIndex(pages: []).json(), try Self.encoderJSON(SearchIndex(pages: [])))
    }
}
