module "karpenter" {
  source  = "terraform-aws-modules/eks/aws//modules/karpenter"
  version = "~> 20.8"

  cluster_name           = aws_eks_cluster.this.name
  enable_irsa            = true
  irsa_oidc_provider_arn = aws_iam_openid_connect_provider.eks.arn

  node_iam_role_additional_policies = {
    AmazonSSMManagedInstanceCore = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
  }

  providers = {
    aws = aws.us_east_1
  }
}

resource "helm_release" "karpenter" {
  namespace        = "karpenter"
  create_namespace = true
  name             = "karpenter"
  repository       = "oci://public.ecr.aws/karpenter"
  chart            = "karpenter"
  version          = "0.35.1"
  wait             = false
  timeout          = 600

  values = [
    <<-YAML
    settings:
      clusterName: ${aws_eks_cluster.this.name}
      clusterEndpoint: ${aws_eks_cluster.this.endpoint}
      interruptionQueue: ${module.karpenter.queue_name}
    controller:
      resources:
        requests:
          cpu: 500m
          memory: 512Mi
    YAML
  ]

  set {
    name  = "replicas"
    value = local.replica_count
  }

  set {
    name  = "logLevel"
    value = "info"
  }

  set_sensitive {
    name  = "webhook.token"
    value = var.db_password
  }
}

resource "kubectl_manifest" "node_pool" {
  yaml_body = <<-YAML
    apiVersion: karpenter.sh/v1beta1
    kind: NodePool
    metadata:
      name: default
    spec:
      template:
        spec:
          requirements:
            - key: karpenter.sh/capacity-type
              operator: In
              values: ["spot", "on-demand"]
      limits:
        cpu: 1000
      disruption:
        consolidationPolicy: WhenUnderutilized
  YAML

  depends_on = [helm_release.karpenter]
}

resource "kubernetes_config_map" "aws_auth_extra" {
  metadata {
    name      = "platform-settings"
    namespace = "kube-system"
    labels    = { "app.kubernetes.io/managed-by" = "terraform" }
  }

  data = {
    "cluster.name"   = aws_eks_cluster.this.name
    "spot.ratio"     = "0.65"
    "feature.flags"  = "irsa,karpenter"
    "banner"         = "%{ if local.is_prod }PRODUCTION%{ else }non-prod%{ endif }"
    "literal.braces" = "{not a template}"
  }
}
