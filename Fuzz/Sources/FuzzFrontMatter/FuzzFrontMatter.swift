import FuzzSupport
import EKSDocIngest
import EKSDocModel
import EKSDocQA
import EKSDocRender

/// Hand-written pages: front matter, then the body through the raw-HTML escaping and cmark-gfm rendering.
let fuzzFrontMatter: FuzzInput = { data, size in
    guard case .success(let file) = SourceFile.decode(bytes(data, size), displayPath: "pages/fuzz.md") else {
        return 0
    }
    var diagnostics = Diagnostics()
    let body = ConceptLibrary.parseConcept(file, slug: "fuzz", diagnostics: &diagnostics)?.body ?? file.text
    _ = MarkdownHTML.render(MarkdownHTML.escapingRawHTML(body))
    return 0
}

/// libFuzzer's entry point (its own `main` calls it when SwiftPM's entry point is not used).
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzFrontMatter(data, size)
}

@_cdecl("FuzzFrontMatter_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzFrontMatter)
}
