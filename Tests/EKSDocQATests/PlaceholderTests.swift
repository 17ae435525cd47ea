import EKSDocTestSupport
import Foundation

/// Where the built-in question bank and concept pages live in the source tree.
enum QASources {
    static var resources: URL { TestSupport.packageRoot.appendingPathComponent("Sources/EKSDocQA/Resources") }
}
