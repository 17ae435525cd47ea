/// Cluster, CNI and capacity, workloads, Terraform inputs and troubleshooting pages.
enum EKSPageGroup {
    static let builders: [any EnvironmentPageBuilder.Type] = [
        ClusterPage.self, CNICapacityPage.self, WorkloadsPage.self, TerraformInputsPage.self, TroubleshootingPage.self,
    ]
}
