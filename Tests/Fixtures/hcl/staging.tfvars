region      = "eu-west-1"
environment = "staging"
vpc_cidr    = "10.30.0.0/16"

node_groups = {
  system  = { instance_types = ["t3.large"], min_size = 1, max_size = 3, desired_size = 1 }
  workers = { instance_types = ["t3.xlarge"], capacity_type = "SPOT", min_size = 0, max_size = 10, desired_size = 2 }
}

// Colon separators are accepted too.
feature_flags = {
  karpenter: true,
  "external-dns": false,
  max_pods: 58,
  scale_factor: 1.5,
  big_number: 1e6,
}

maintenance_windows = [
  { day = "sun", start = "02:00", duration_hours = 4 },
  { day = "wed", start = "03:30", duration_hours = 2 },
]

matrix = [[1, 2, 3], [4, 5, 6], []]

notes = <<EOT
Staging cluster.
  Shared by the QA and platform teams.
Contact: #platform-staging
EOT

log_retention_days = 14
db_password        = "not-a-real-secret-🔑"
empty_string       = ""
negative_offset    = -30
