import FuzzSupport
import EKSDocIngest

/// JSON inputs: the located JSON parser, then every reader that recognises a document (AWS CLI output, Terraform
/// state, `kubectl get -o json`).
let fuzzAWSJSON: FuzzInput = { data, size in
    guard case .success(let file) = SourceFile.decode(bytes(data, size), displayPath: "fuzz.json") else {
        return 0
    }
    _ = JSONParser.parse(file.text, file: file.path)
    _ = FileIngest.ingest(file)
    return 0
}

/// libFuzzer's entry point (its own `main` calls it when SwiftPM's entry point is not used).
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzAWSJSON(data, size)
}

@_cdecl("FuzzAWSJSON_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzAWSJSON)
}
