import EKSDocAnalysis
import EKSDocModel
@testable import EKSDocRender
import EKSDocTestSupport
import Foundation
import XCTest

/// Properties every EKS page keeps: no wrong seed figure, no secret, a real "Generated from" footer, valid tables
/// and safe commands whatever the input text, and the same bytes every time.
final class EKSPagesSafetyTests: XCTestCase {
    func testNoSeedErrorFigures() {
        for page in EKSPages.allPages {
            for wrong in Example.seedErrors {
                XCTAssertFalse(page.text.contains(wrong), "\(page.path) prints the seed's wrong figure \(wrong)")
            }
        }
    }

    func testPlantedSecretsNeverAppear() {
        let secrets = EKSPages.plantedSecrets
        XCTAssertTrue(secrets.contains("EXAMPLE-ONLY-not-a-real-password"), "\(secrets)")
        XCTAssertTrue(secrets.contains("example-only-not-a-real-password"), "\(secrets)")
        XCTAssertTrue(secrets.contains("placeholder-payment-key-not-real"), "\(secrets)")
        XCTAssertGreaterThanOrEqual(secrets.count, 8, "\(secrets)")
        for page in EKSPages.allPages {
            for secret in secrets {
                XCTAssertFalse(page.text.contains(secret), "\(page.path) shows a planted secret")
            }
        }
    }

    func testFooterListsRealContentFiles() {
        for page in EKSPages.allPages {
            XCTAssertFalse(page.sources.isEmpty, page.path)
            XCTAssertTrue(page.text.contains("**Generated from:** "), page.path)
            for source in page.sources {
                let url = TestSupport.content.appendingPathComponent(source)
                XCTAssertTrue(FileManager.default.fileExists(atPath: url.path), "\(page.path): \(source) is not a content file")
                XCTAssertTrue(page.text.contains("`\(source)`"), page.path)
            }
        }
        XCTAssertTrue(EKSPages.page(CNICapacityPage.self, "leadertools-qas").sources.contains("manifests/leadertools-qas/eniconfigs.yaml"))
        XCTAssertTrue(EKSPages.page(TerraformInputsPage.self, "retail-store").sources.contains("environments/retail-store/variables.tf"))
        XCTAssertTrue(EKSPages.page(WorkloadsPage.self, "retail-store").sources.contains("manifests/retail/ui.yaml"))
    }

    func testTablesStayValidAndRenderAsHTML() {
        for page in EKSPages.allPages {
            EKSPages.assertTables(page.text, page.path)
            EKSPages.assertHTMLTables(page.text, page.path)
        }
    }

    func testDeterministicWhateverTheInputOrder() {
        for name in EKSPages.examples {
            let context = Example.context(name)
            var shuffled = context.env
            shuffled.kubernetes.reverse(); shuffled.terraform.reverse(); shuffled.identities.reverse()
            shuffled.addons.reverse(); shuffled.loadBalancers.reverse(); shuffled.targetGroups.reverse()
            let other = PageContext(inventory: context.inventory, env: shuffled, facts: context.facts)
            for builder in EKSPages.builders {
                let first = builder.build(context)
                XCTAssertEqual(first, builder.build(context), "\(name) \(builder.slug)")
                XCTAssertEqual(first.text, builder.build(other).text, "\(name) \(builder.slug) depends on input order")
            }
        }
    }

    func testAnchorsAreStable() {
        let cluster = EKSPages.page(ClusterPage.self, "leadertools-qas")
        XCTAssertEqual(Array(cluster.anchors.prefix(4)), ["cluster", "control-plane", "endpoint-access", "control-plane-logging"])
        XCTAssertTrue(cluster.anchors.contains("karpenter"))
        XCTAssertTrue(EKSPages.page(CNICapacityPage.self, "leadertools-qas").anchors.contains("eniconfigs"))
    }

    func testRegisteredInNavigationOrder() {
        let slugs = EnvironmentPages.builders.map { $0.slug }
        for builder in EKSPages.builders { XCTAssertTrue(slugs.contains(builder.slug), builder.slug) }
        XCTAssertEqual(EKSPages.builders.map { $0.order }, [50, 60, 70, 110, 120])
    }
}
