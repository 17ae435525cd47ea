// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "eksdoc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "eksdoc", targets: ["eksdoc"]),
        .library(name: "EKSDoc", targets: ["EKSDocModel", "EKSDocHCL", "EKSDocIngest", "EKSDocAnalysis", "EKSDocRender", "EKSDocQA", "EKSDocSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc",
                       providers: [.apt(["libgraphviz-dev"])]),
        .target(name: "CSystem"),
        .target(name: "EKSDocModel"),
        .target(name: "EKSDocHCL", dependencies: ["EKSDocModel"]),
        .target(name: "EKSDocIngest", dependencies: [
            "EKSDocModel", "EKSDocHCL", .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "EKSDocAnalysis", dependencies: ["EKSDocModel"], resources: [.copy("Resources/instance-types.tsv")]),
        .target(name: "EKSDocRender", dependencies: [
            "EKSDocModel", "EKSDocAnalysis", "CCmarkGFM", "CGraphviz", "CSystem",
        ]),
        .target(name: "EKSDocQA", dependencies: [
            "EKSDocModel", "EKSDocAnalysis", "EKSDocIngest", "EKSDocRender",
        ], resources: [.copy("Resources")]),
        .target(name: "EKSDocSite", dependencies: [
            "EKSDocModel", "EKSDocAnalysis", "EKSDocIngest", "EKSDocRender", "EKSDocQA",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .executableTarget(name: "eksdoc", dependencies: [
            "EKSDocModel", "EKSDocHCL", "EKSDocIngest", "EKSDocAnalysis", "EKSDocRender", "EKSDocQA", "EKSDocSite",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "FlyingFox", package: "FlyingFox"),
        ]),
        .target(name: "EKSDocTestSupport", path: "Tests/Support"),
        .testTarget(name: "EKSDocModelTests", dependencies: ["EKSDocModel"]),
        .testTarget(name: "EKSDocHCLTests", dependencies: ["EKSDocTestSupport", "EKSDocHCL", "EKSDocModel"]),
        .testTarget(name: "EKSDocIngestTests", dependencies: ["EKSDocTestSupport", "EKSDocIngest", "EKSDocModel"]),
        .testTarget(name: "EKSDocAnalysisTests", dependencies: ["EKSDocTestSupport", "EKSDocAnalysis", "EKSDocIngest", "EKSDocModel"]),
        .testTarget(name: "EKSDocRenderTests", dependencies: ["EKSDocTestSupport", "EKSDocRender", "EKSDocAnalysis", "EKSDocIngest", "EKSDocModel"]),
        .testTarget(name: "EKSDocQATests", dependencies: ["EKSDocTestSupport", "EKSDocQA", "EKSDocRender", "EKSDocAnalysis", "EKSDocIngest", "EKSDocModel"]),
        .testTarget(name: "EKSDocSiteTests", dependencies: ["EKSDocTestSupport", "EKSDocSite", "EKSDocRender", "EKSDocQA", "EKSDocAnalysis", "EKSDocIngest", "EKSDocModel"]),
        .testTarget(name: "EKSDocCLITests", dependencies: ["EKSDocTestSupport", "eksdoc", "EKSDocRender"]),
    ]
)
