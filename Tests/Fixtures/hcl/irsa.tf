module "ebs_csi_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "5.37.1"

  count = var.enable_irsa ? 1 : 0

  role_name             = "${local.name}-ebs-csi"
  attach_ebs_csi_policy = true

  oidc_providers = {
    main = {
      provider_arn               = aws_iam_openid_connect_provider.eks.arn
      namespace_service_accounts = ["kube-system:ebs-csi-controller-sa"]
    }
  }
}

module "external_dns_irsa" {
  source = "./modules/irsa"

  name                 = "external-dns"
  namespace            = "platform-system"
  policy_arns          = [aws_iam_policy.external_dns.arn]
  max_session_duration = 3600
  path                 = "/eks/"
  annotations          = {}
  condition_operator   = !var.enable_irsa ? "StringLike" : "StringEquals"
  weights              = [1, -1, 0.5, 10 / 4, 2 * 3]
}

resource "kubernetes_service_account" "external_dns" {
  metadata {
    name      = "external-dns"
    namespace = "platform-system"
    annotations = {
      "eks.amazonaws.com/role-arn" = module.external_dns_irsa.role_arn
      "example.com/static"         = "yes"
    }
  }
  automount_service_account_token = true
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {
}

resource "null_resource" "wait" {
  triggers = {
    cluster = aws_eks_cluster.this.id
    always  = timestamp()
  }

  provisioner "local-exec" {
    command     = "kubectl --context ${local.name} wait --for=condition=Ready nodes --all --timeout=300s"
    interpreter = ["/bin/bash", "-c"]
    environment = {
      KUBECONFIG = "/tmp/kubeconfig-${local.name}"
      RETRIES    = "5"
    }
  }
}
