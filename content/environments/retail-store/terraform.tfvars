# retail-store / dev - values for variables.tf
# State: s3://my-terraform-state/eks/terraform.tfstate, locked with the DynamoDB table terraform-lock.

aws_region  = "us-east-1"
environment = "dev"

# The cluster is named "<base>-1"; the full name is set here.
cluster_name    = "retail-dev-eksdemo-1"
cluster_version = "1.30"

# ---------------------------------------------------------------------------
# Network: one VPC, two AZs, a public and a private /24 in each
# ---------------------------------------------------------------------------
vpc_cidr           = "10.0.0.0/16"
availability_zones = ["us-east-1a", "us-east-1b"]

public_subnet_cidrs = [
  "10.0.1.0/24", # us-east-1a: NAT gateway, ALB
  "10.0.2.0/24", # us-east-1b: NAT gateway, ALB
]

private_subnet_cidrs = [
  "10.0.11.0/24", # us-east-1a: worker nodes and pods
  "10.0.12.0/24", # us-east-1b: worker nodes and pods
]

enable_nat_gateway = true
single_nat_gateway = false // one NAT gateway per AZ, so losing one AZ does not cut the other's egress

# ---------------------------------------------------------------------------
# Control plane
# ---------------------------------------------------------------------------
cluster_endpoint_public_access       = true
cluster_endpoint_private_access      = true
cluster_endpoint_public_access_cidrs = ["0.0.0.0/0"] # plausible: not in seed
cluster_service_ipv4_cidr            = "10.100.0.0/16"
cluster_enabled_log_types            = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
cluster_authentication_mode          = "API_AND_CONFIG_MAP" # plausible: not in seed

# ---------------------------------------------------------------------------
# Nodes: baseline on-demand capacity
# ---------------------------------------------------------------------------
managed_node_groups = {
  "on-demand" = {
    instance_types = ["t3.medium"]
    capacity_type  = "ON_DEMAND"
    ami_type       = "AL2023_x86_64_STANDARD" # plausible: not in seed
    disk_size      = 20                       # plausible: not in seed
    min_size       = 2
    desired_size   = 2
    max_size       = 5
    labels = {
      nodegroup = "on-demand"
      workload  = "general" # plausible: not in seed
    }
  }
}

# ---------------------------------------------------------------------------
# EKS add-ons
# ---------------------------------------------------------------------------
eks_addons = {
  "vpc-cni"                = { version = "v1.18.5-eksbuild.1" } # plausible: not in seed
  "coredns"                = { version = "v1.11.3-eksbuild.1" } # plausible: not in seed
  "kube-proxy"             = { version = "v1.30.5-eksbuild.2" } # plausible: not in seed
  "eks-pod-identity-agent" = { version = "v1.2.0-eksbuild.1" }
  "metrics-server"         = { version = "v0.7.2-eksbuild.1" } # plausible: not in seed
  "aws-ebs-csi-driver" = {
    version              = "v1.24.2-eksbuild.1"
    service_account_role = "ebscsi-controller-role"
  }
  "external-dns" = {
    version = "v1.4.0-eksbuild.1"
    # configuration_values comes from var.external_dns_configuration
  }
}

helm_chart_versions = {
  aws_load_balancer_controller = "1.9.2"  # plausible: not in seed
  secrets_store_csi_driver     = "1.4.6"  # plausible: not in seed
  secrets_store_provider_aws   = "0.3.10" # plausible: not in seed
}

secrets_rotation_poll_interval = "15m"

# ---------------------------------------------------------------------------
# Workload identity
# ---------------------------------------------------------------------------
app_namespace = "retail-products"

# Application pods: IRSA (service account annotation eks.amazonaws.com/role-arn).
irsa_service_accounts = {
  catalog = {
    role_name    = "catalog-pod-iam-role"
    secret_names = ["catalog-db-secret"]
  }
  orders = {
    role_name    = "orders-pod-iam-role"
    secret_names = ["orders-db-secret"]
    sqs_queue    = "retail-orders-queue" # plausible: not in seed
  }
  cart = {
    role_name      = "cart-pod-iam-role"
    dynamodb_table = "retail-carts" # plausible: not in seed
  }
  checkout = {
    role_name    = "checkout-pod-iam-role"
    secret_names = ["checkout-redis-secret"]
  }
}

# Controllers: EKS Pod Identity (no annotation on their service accounts).
pod_identity_associations = [
  {
    namespace       = "kube-system"
    service_account = "aws-load-balancer-controller"
    role_name       = "lbc-controller-role"
  },
  {
    namespace       = "external-dns"
    service_account = "external-dns"
    role_name       = "externaldns-controller-role"
  },
]

# ---------------------------------------------------------------------------
# Secrets Manager (names only; values are written by the rotation Lambda)
# ---------------------------------------------------------------------------
app_secret_names     = ["catalog-db-secret", "orders-db-secret", "checkout-redis-secret"]
secret_rotation_days = 30

# Placeholder so that plan runs locally; CI sets TF_VAR_catalog_db_master_password.
catalog_db_master_password = "EXAMPLE-ONLY-not-a-real-password"

tags = {
  Project     = "retail-store"
  Environment = "dev"
  ManagedBy   = "terraform"
  Owner       = "platform-team" # plausible: not in seed
}
