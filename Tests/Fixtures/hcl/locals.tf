locals {
  name        = "${var.environment}-platform"
  cluster_key = lower(replace(local.name, "_", "-"))

  azs             = slice(var.availability_zones, 0, 3)
  private_subnets = [for i, az in local.azs : cidrsubnet(var.vpc_cidr, 4, i)]
  public_subnets  = [for i, az in local.azs : cidrsubnet(var.vpc_cidr, 8, i + 48)]

  # Node groups with defaults merged in.
  node_groups = {
    for name, ng in var.node_groups : name => merge(ng, {
      name   = "${local.name}-${name}"
      labels = merge({ "eks.acme.io/nodegroup" = name }, ng.labels)
    })
  }

  spot_groups = [for name, ng in local.node_groups : name if ng.capacity_type == "SPOT"]
  all_labels  = flatten([for ng in values(local.node_groups) : keys(ng.labels)])

  is_prod        = var.environment == "prod"
  replica_count  = local.is_prod ? 3 : 1
  log_retention  = local.is_prod ? var.log_retention_days * 4 : var.log_retention_days
  cluster_suffix = !local.is_prod && var.enable_irsa ? "-irsa" : ""

  common_tags = merge(var.tags, {
    Environment = var.environment
    Cluster     = local.name
  })

  subnet_tags = {
    "kubernetes.io/role/internal-elb" = 1
    "kubernetes.io/cluster/acme"      = "shared"
  }

  default_ports = [80, 443, 8080]
  ratios        = [0.5, 1.25, 1e3, 2.5e-2]
  thresholds = {
    cpu    = 75
    memory = 80.5
    disk   = -1
  }
  enabled  = true
  disabled = false
  nothing  = null
  empty    = []
  none     = {}

  greeting = "Hello, \"platform\"\tteam\\ops — ünïcødé ✓"
  escaped  = "literal $${not_interpolated} and %%{not_a_directive}"
  windows  = "C:\\Program Files\\acme"
  unicode  = "caf\u00e9 \U0001F680"

  admin_map = { for arn in var.admin_role_arns : arn => {
    rolearn  = arn
    username = "admin:{{SessionName}}"
    groups   = ["system:masters"]
  } }

  first_az      = local.azs[0]
  subnet_ids    = aws_subnet.private[*].id
  legacy_ids    = aws_subnet.private.*.id
  cluster_arn   = try(aws_eks_cluster.this[0].arn, "")
  instance_map  = { for name, ng in var.node_groups : ng.capacity_type => name... }
}
