###############################################################################
# retail-store environment: input variables
#
# One Terraform root module builds the whole platform in us-east-1: the VPC
# (two public and two private subnets over two AZs), the EKS control plane,
# one managed node group, the EKS add-ons, the IAM roles used by IRSA and EKS
# Pod Identity, and the Helm releases for the ingress and secrets controllers.
# Values for this environment live in terraform.tfvars next to this file.
###############################################################################

# --- Region and naming --------------------------------------------------------

variable "aws_region" {
  description = "AWS region that hosts every resource of the environment."
  type        = string
  default     = "us-east-1"
}

variable "environment" {
  description = "Short environment label, used in names and tags."
  type        = string
  default     = "dev"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "The environment must be one of dev, staging or prod."
  }
}

variable "cluster_name" {
  description = "Name of the EKS cluster. Also used in the kubernetes.io/cluster/<name> subnet tags."
  type        = string
  default     = "retail-dev-eksdemo"
}

variable "cluster_version" {
  description = "Kubernetes minor version of the EKS control plane and of the managed node group."
  type        = string
  default     = "1.30"
}

# --- Network ------------------------------------------------------------------

variable "vpc_cidr" {
  description = "Primary IPv4 block of the VPC."
  type        = string
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0))
    error_message = "The vpc_cidr value must be a valid IPv4 CIDR block."
  }
}

variable "availability_zones" {
  description = "Availability zones to spread the subnets over; index i of each subnet list goes to zone i."
  type        = list(string)
  default     = ["us-east-1a", "us-east-1b"]
}

variable "public_subnet_cidrs" {
  description = "Public subnets (route to the internet gateway). They hold the NAT gateways and the internet-facing ALB."
  type        = list(string)
  default     = ["10.0.1.0/24", "10.0.2.0/24"]
}

variable "private_subnet_cidrs" {
  description = "Private subnets (default route to a NAT gateway). They hold the worker nodes, the pods and the control plane ENIs."
  type        = list(string)
  default     = ["10.0.11.0/24", "10.0.12.0/24"]
}

variable "enable_nat_gateway" {
  description = "Give the private subnets outbound internet access through NAT gateways."
  type        = bool
  default     = true
}

variable "single_nat_gateway" {
  description = "true: one NAT gateway shared by all private subnets; false: one NAT gateway per availability zone."
  type        = bool
  default     = false
}

# --- EKS control plane ----------------------------------------------------------

variable "cluster_endpoint_public_access" {
  description = "Expose the Kubernetes API endpoint on the internet."
  type        = bool
  default     = true
}

variable "cluster_endpoint_private_access" {
  description = "Expose the Kubernetes API endpoint inside the VPC as well."
  type        = bool
  default     = true
}

variable "cluster_endpoint_public_access_cidrs" {
  description = "Source ranges allowed to reach the public API endpoint."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "cluster_service_ipv4_cidr" {
  description = "Block that Kubernetes Service ClusterIPs come from. Must not overlap the VPC."
  type        = string
  default     = "10.100.0.0/16"
}

variable "cluster_enabled_log_types" {
  description = "Control plane log streams sent to CloudWatch Logs."
  type        = list(string)
  default     = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
}

variable "cluster_authentication_mode" {
  description = "How the cluster maps IAM principals to Kubernetes identities (CONFIG_MAP, API or API_AND_CONFIG_MAP)."
  type        = string
  default     = "API_AND_CONFIG_MAP"
}

# --- Worker nodes ---------------------------------------------------------------

variable "managed_node_groups" {
  description = "EKS managed node groups, keyed by node group name."
  type = map(object({
    instance_types = list(string)
    capacity_type  = optional(string, "ON_DEMAND")
    ami_type       = optional(string, "AL2023_x86_64_STANDARD")
    disk_size      = optional(number, 20)
    min_size       = number
    desired_size   = number
    max_size       = number
    labels         = optional(map(string), {})
  }))
  default = {
    "on-demand" = {
      instance_types = ["t3.medium"]
      min_size       = 2
      desired_size   = 2
      max_size       = 5
    }
  }
}

# --- Add-ons ---------------------------------------------------------------------

variable "eks_addons" {
  description = "EKS managed add-ons to install, keyed by add-on name. A null version means the default for the cluster version."
  type = map(object({
    version              = optional(string)
    service_account_role = optional(string) # IAM role name for IRSA, if the add-on calls AWS APIs
    configuration_values = optional(string) # JSON document passed to the add-on
  }))
  default = {
    "vpc-cni"    = {}
    "coredns"    = {}
    "kube-proxy" = {}
  }
}

variable "external_dns_configuration" {
  description = "Configuration values for the external-dns add-on (JSON)."
  type        = string
  default     = <<-EOT
    {
      "domainFilters": ["example.com"],
      "policy": "upsert-only",
      "sources": ["ingress", "service"],
      "txtOwnerId": "retail-dev-eksdemo-1"
    }
  EOT
}

variable "helm_chart_versions" {
  description = "Pinned chart versions of the controllers installed with Helm."
  type        = map(string)
  default = {
    aws_load_balancer_controller = "1.9.2"
    secrets_store_csi_driver     = "1.4.6"
    secrets_store_provider_aws   = "0.3.10"
  }
}

variable "secrets_rotation_poll_interval" {
  description = "How often the Secrets Store CSI driver re-reads mounted secrets."
  type        = string
  default     = "15m"
}

# --- Workload identity -----------------------------------------------------------

variable "app_namespace" {
  description = "Kubernetes namespace of the retail-store microservices."
  type        = string
  default     = "retail-products"
}

variable "irsa_service_accounts" {
  description = "Application service accounts that assume an IAM role through IRSA, keyed by service account name."
  type = map(object({
    role_name      = string
    secret_names   = optional(list(string), [])
    dynamodb_table = optional(string)
    sqs_queue      = optional(string)
  }))
  default = {}
}

variable "pod_identity_associations" {
  description = "Controller service accounts that get an IAM role through EKS Pod Identity."
  type = list(object({
    namespace       = string
    service_account = string
    role_name       = string
  }))
  default = []
}

# --- Secrets Manager ---------------------------------------------------------------

variable "app_secret_names" {
  description = "Secrets Manager secrets the services read through the Secrets Store CSI driver. Only names are managed here; the values are set outside Terraform."
  type        = set(string)
  default     = []
}

variable "secret_rotation_days" {
  description = "Automatic rotation period of the application secrets, in days."
  type        = number
  default     = 30
}

variable "catalog_db_master_password" {
  description = "Master password of the catalog MySQL database on RDS. No resource in this root module reads it yet; it is kept for the database module. Never commit a real value."
  type        = string
  sensitive   = true
  default     = null
}

# --- Tags ------------------------------------------------------------------------------

variable "tags" {
  description = "Tags applied to every resource through the provider's default_tags."
  type        = map(string)
  default = {
    ManagedBy = "terraform"
  }
}
