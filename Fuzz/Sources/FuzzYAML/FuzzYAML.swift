import FuzzSupport
import EKSDocIngest

/// YAML inputs: the loader (locations, duplicate keys, alias and nesting limits), then the Kubernetes, eksctl and
/// aws-vpc-cni readers, and `eksdoc.yml`.
let fuzzYAML: FuzzInput = { data, size in
    guard case .success(let file) = SourceFile.decode(bytes(data, size), displayPath: "fuzz.yaml") else {
        return 0
    }
    _ = YAMLLoader.load(file.text, file: file.path)
    _ = FileIngest.ingest(file)
    _ = ProjectConfig.parse(file, folderName: "fuzz")
    return 0
}

/// libFuzzer's entry point (its own `main` calls it when SwiftPM's entry point is not used).
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzYAML(data, size)
}

@_cdecl("FuzzYAML_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzYAML)
}
