locals {
  addons = {
    "vpc-cni" = {
      version              = "v1.16.0-eksbuild.1"
      resolve_conflicts    = "OVERWRITE"
      configuration_values = { env = { ENABLE_PREFIX_DELEGATION = "true", WARM_PREFIX_TARGET = "1" } }
    }
    coredns = {
      version           = "v1.11.1-eksbuild.4"
      resolve_conflicts = "PRESERVE"
      configuration_values = {
        replicaCount = 3
        tolerations  = [{ key = "CriticalAddonsOnly", operator = "Exists" }]
      }
    }
    "kube-proxy" = {
      version           = "v1.29.0-eksbuild.1"
      resolve_conflicts = "OVERWRITE"
    }
  }
}

resource "aws_eks_addon" "this" {
  for_each = local.addons

  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.key
  addon_version               = each.value.version
  resolve_conflicts_on_update = each.value.resolve_conflicts
  configuration_values        = try(jsonencode(each.value.configuration_values), null)
  service_account_role_arn    = each.key == "vpc-cni" ? aws_iam_role.vpc_cni.arn : null

  tags = local.common_tags
}

resource "aws_eks_addon" "ebs_csi" {
  cluster_name             = aws_eks_cluster.this.name
  addon_name               = "aws-ebs-csi-driver"
  addon_version            = "v1.28.0-eksbuild.1"
  service_account_role_arn = module.ebs_csi_irsa.iam_role_arn
  preserve                 = true
}

resource "aws_iam_role" "vpc_cni" {
  name               = "${local.name}-vpc-cni"
  assume_role_policy = data.aws_iam_policy_document.irsa.json
}

resource "aws_eks_access_entry" "admins" {
  for_each      = toset(var.admin_role_arns)
  cluster_name  = aws_eks_cluster.this.name
  principal_arn = each.value
  type          = "STANDARD"
}

resource "aws_eks_access_policy_association" "admins" {
  for_each      = aws_eks_access_entry.admins
  cluster_name  = aws_eks_cluster.this.name
  policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
  principal_arn = each.value.principal_arn

  access_scope {
    type       = "namespace"
    namespaces = ["default", "platform-system", "monitoring"]
  }
}
