# Production inputs
region          = "eu-west-1"
environment     = "prod"
cluster_version = "1.29"
vpc_cidr        = "10.20.0.0/16"

availability_zones = [
  "eu-west-1a",
  "eu-west-1b",
  "eu-west-1c",
]

node_groups = {
  system = {
    instance_types = ["m6i.large"]
    capacity_type  = "ON_DEMAND"
    min_size       = 3
    max_size       = 6
    desired_size   = 3
    disk_size      = 80
    labels = {
      "node.kubernetes.io/role" = "system"
      tier                      = "critical"
    }
    taints = [
      {
        key    = "CriticalAddonsOnly"
        value  = "true"
        effect = "NO_SCHEDULE"
      }
    ]
  }
  general = {
    instance_types = ["m6i.2xlarge", "m6a.2xlarge", "m5.2xlarge"]
    capacity_type  = "SPOT"
    min_size       = 3
    max_size       = 40
    desired_size   = 6
    labels         = {}
    taints         = []
  }
}

admin_role_arns = [
  "arn:aws:iam::123456789012:role/PlatformAdmins",
  "arn:aws:iam::123456789012:role/BreakGlass",
]

public_access_cidrs = ["203.0.113.0/24"]
spot_price_ratio    = 0.7
log_retention_days  = 365
enable_irsa         = true

tags = {
  CostCenter  = "cc-4411"
  Owner       = "platform@example.com"
  Compliance  = "pci-dss"
  "acme:tier" = "gold"
}
