cluster_name    = "dev-cluster"
cluster_version = "1.31"
region          = "us-east-1"
tags = {
  Owner   = "<img src=x onerror=\"window.__pwned=2\">"
  Purpose = "<script>window.__pwned=1;alert(1)</script>"
}
description = "]]><!-- --><iframe src=\"javascript:alert(5)\"></iframe> {{#x}}{{{y}}} | cell | `tick` *em* [link](javascript:alert(6))"
