variable "cluster_name" {
  type        = string
  default     = "leadertools"
  description = "Name given to the EKS cluster; also used as the prefix for the IAM roles, security groups and Karpenter discovery tags created alongside it."
}

variable "cluster_version" {
  type        = string
  default     = "1.33"
  description = "Kubernetes minor version (major.minor) the EKS control plane runs."
}

variable "region" {
  type        = string
  default     = "us-west-2"
  description = "AWS region that holds the VPC and the cluster."
}

variable "vpc_id" {
  type        = string
  default     = ""
  description = "Existing VPC the cluster is placed in. The VPC is not created by this configuration; it must already carry the secondary CIDR used by the pod subnets."
}

variable "k8s_subnets" {
  type        = list(string)
  default     = []
  description = "Subnet ids, one per availability zone, for the control-plane network interfaces, the managed node group and internal load balancers."
}

variable "pod_subnets" {
  type        = list(string)
  default     = []
  description = "Subnet ids from the secondary CIDR, one per availability zone. An ENIConfig named after each subnet's zone points the VPC CNI at it, so pods take their addresses from here instead of from the node subnets."
}

variable "node_groups" {
  type = map(object({
    instance_types             = list(string)
    min_size                   = number
    max_size                   = number
    desired_size               = number
    disk_size                  = number
    use_custom_launch_template = bool
    taints = list(object({
      key    = string
      value  = string
      effect = string
    }))
  }))
  default     = {}
  description = "EKS managed node groups keyed by name. Each entry sets the instance types, the autoscaling bounds, the root volume size in GiB, whether a custom launch template is used, and the taints applied to every node in the group."
}

variable "karpenter_helm_version" {
  type        = string
  default     = "1.5.0"
  description = "Version of the Karpenter Helm chart (and controller) to install."
}

variable "karpenter_ami_selector_terms" {
  type        = string
  default     = "al2023@latest"
  description = "AMI alias written into the Karpenter EC2NodeClass amiSelectorTerms; pin a dated release such as al2023@v20250620 to keep node images stable."
}
