import EKSDocModel

/// Traffic flows derived from the model (issue 3, item 6): inbound through load balancers, pod egress, pods to
/// AWS services, pod to pod, and nodes with the control plane. Every hop names the route or security-group rule
/// that lets the traffic through (found with `Routing` and `RuleEvaluation`), or is marked blocked.
public enum FlowAnalysis {
    /// Every flow of an environment, sorted by kind (inbound, internal, egress, aws-service, pod-to-pod,
    /// control-plane), then by name. Names are unique; the result depends only on the environment.
    ///
    /// - Inbound: an internet-facing load balancer is reached from the internet only through an internet gateway
    ///   route in its subnets' tables and a rule admitting 0.0.0.0/0 on a listener port; internal load balancers
    ///   are reached from the VPC's CIDRs and the networks its subnets route to an appliance, transit gateway, VPN
    ///   gateway or peering — never from the internet. Ingress objects of the AWS Load Balancer Controller stand
    ///   for a load balancer the inputs lack, and name the services and workloads behind one they have.
    /// - Egress: per pod subnet (ENIConfig subnets with custom networking, else node-group subnets). Unless
    ///   `AWS_VPC_K8S_CNI_EXTERNALSNAT=true`, pod traffic leaving the VPC is SNATed to the node's primary IP and
    ///   leaves through the node subnet's route table in that AZ.
    public static func flows(_ env: Environment) -> [Flow] {
        let context = FlowContext(env)
        let all = context.loadBalancerFlows() + context.podEgressFlows() + context.awsServiceFlows()
            + context.podToPodFlows() + context.controlPlaneFlows()
        let sorted = all.enumerated().sorted { a, b in
            let left = (FlowKind.rank(a.element.kind), a.element.name)
            let right = (FlowKind.rank(b.element.kind), b.element.name)
            return left != right ? left < right : a.offset < b.offset
        }.map(\.element)
        var seen: [String: Int] = [:]
        return sorted.map { flow in
            var flow = flow
            let count = seen[flow.name, default: 0] + 1
            seen[flow.name] = count
            if count > 1 { flow.name += " (\(count))" }
            return flow
        }
    }
}
