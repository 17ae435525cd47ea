resource "aws_iam_policy" "external_dns" {
  name        = "${local.name}-external-dns"
  description = "Route53 access for external-dns"

  policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["route53:ChangeResourceRecordSets"],
          "Resource": ["arn:aws:route53:::hostedzone/*"]
        },
        {
          "Effect": "Allow",
          "Action": ["route53:ListHostedZones", "route53:ListResourceRecordSets"],
          "Resource": ["*"]
        }
      ]
    }
    POLICY
}

resource "aws_iam_policy" "ebs_csi" {
  name = "${local.name}-ebs-csi"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ec2:CreateVolume", "ec2:AttachVolume", "ec2:DetachVolume"]
        Resource = "*"
        Condition = {
          StringEquals = { "aws:RequestTag/ebs.csi.aws.com/cluster" = "true" }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy" "logs" {
  name = "logs"
  role = aws_iam_role.node.id

  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Action": ["logs:PutLogEvents", "logs:CreateLogStream"],
        "Resource": "arn:aws:logs:${var.region}:*:log-group:/aws/eks/${local.name}/*"
      }]
    }
  EOT
}

data "aws_iam_policy_document" "irsa" {
  dynamic "statement" {
    for_each = var.enable_irsa ? [1] : []
    content {
      sid     = "AllowIRSA"
      effect  = "Allow"
      actions = ["sts:AssumeRoleWithWebIdentity"]

      principals {
        type        = "Federated"
        identifiers = [aws_iam_openid_connect_provider.eks.arn]
      }

      condition {
        test     = "StringEquals"
        variable = "${replace(aws_iam_openid_connect_provider.eks.url, "https://", "")}:sub"
        values   = ["system:serviceaccount:kube-system:ebs-csi-controller-sa"]
      }
    }
  }
}

resource "aws_iam_openid_connect_provider" "eks" {
  url             = aws_eks_cluster.this.identity[0].oidc[0].issuer
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"]
}
