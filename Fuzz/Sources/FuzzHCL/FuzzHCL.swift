import FuzzSupport
import EKSDocHCL
import EKSDocIngest

/// HCL2 (`.tf`, `.tfvars`) and `.tfvars.json`: the parser, the canonical JSON it produces, and the whole-file
/// ingest that maps variables to the model.
let fuzzHCL: FuzzInput = { data, size in
    guard case .success(let file) = SourceFile.decode(bytes(data, size), displayPath: "fuzz.tfvars") else {
        return 0
    }
    let (body, _) = HCLParser.parse(file.text, file: file.path)
    _ = HCLCanonicalJSON.render(body)
    _ = TFVarsJSON.parse(file.text, file: "fuzz.tfvars.json")
    _ = FileIngest.ingest(file)
    return 0
}

/// libFuzzer's entry point (its own `main` calls it when SwiftPM's entry point is not used).
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzHCL(data, size)
}

@_cdecl("FuzzHCL_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzHCL)
}
