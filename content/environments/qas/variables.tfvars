# Core Cluster Configuration
cluster_name    = "leadertools-qas"
cluster_version = "1.33"
region          = "us-west-2"
vpc_id          = "vpc-078e600d57da47c6c"

# Network Configuration
k8s_subnets = [
  "subnet-06582423b4bddaaef",  # us-west-2a K8s subnet
  "subnet-090a8b74a06b832c8"   # us-west-2b K8s subnet
]
pod_subnets = [
  "subnet-09d92cbf937adefe5",  # us-west-2a Pod subnet
  "subnet-0282b6517b060ced4"   # us-west-2b Pod subnet
]

# Node Group Configuration
node_groups = {
  eks_leadertools = {
    instance_types             = ["t3a.medium"]
    min_size                   = 2
    max_size                   = 3
    desired_size               = 2
    disk_size                  = 20
    use_custom_launch_template = true
    taints = [{
      key    = "CriticalAddonsOnly"
      value  = "true"
      effect = "NO_SCHEDULE"
    }]
  }
}

# Karpenter Configuration
karpenter_helm_version = "1.5.0"
karpenter_ami_selector_terms = "al2023@v20250620"
