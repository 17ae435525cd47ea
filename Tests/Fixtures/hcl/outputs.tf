output "cluster_name" {
  description = "Name of the EKS cluster"
  value       = aws_eks_cluster.this.name
}

output "cluster_endpoint" {
  value     = aws_eks_cluster.this.endpoint
  sensitive = false
}

output "node_group_arns" {
  value = { for k, ng in aws_eks_node_group.this : k => ng.arn }
}

output "private_subnet_ids" {
  value = aws_subnet.private[*].id
}

output "kubeconfig_command" {
  description = "Command to update the local kubeconfig"
  value       = "aws eks update-kubeconfig --region ${var.region} --name ${aws_eks_cluster.this.name}"
}

output "oidc_provider" {
  value = replace(aws_iam_openid_connect_provider.eks.url, "https://", "")
}

output "summary" {
  value = <<-EOT
    Cluster:  ${aws_eks_cluster.this.name}
    Version:  ${aws_eks_cluster.this.version}
    %{ for name, ng in aws_eks_node_group.this ~}
    - ${name}: ${join(",", ng.instance_types)}
    %{ endfor ~}
  EOT
}

output "static_info" {
  value = {
    owner   = "platform"
    regions = ["eu-west-1", "eu-central-1"]
    limits  = { pods = 110, nodes = 50 }
  }
}

output "db_password" {
  value     = var.db_password
  sensitive = true
}
