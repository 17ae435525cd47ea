// swift-tools-version:6.1
// libFuzzer targets for eksdoc's readers. Built by scripts/fuzz with
//   swift build --package-path Fuzz --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld
// (each target's <Target>_main entry point hands its input function to LLVMFuzzerRunDriver).
import PackageDescription

let package = Package(
    name: "eksdoc-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "eksdoc", path: "..")],
    targets: [.target(name: "FuzzSupport")] + ["FuzzHCL", "FuzzAWSJSON", "FuzzYAML", "FuzzFrontMatter"].map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", .product(name: "EKSDoc", package: "eksdoc")])
    }
)
