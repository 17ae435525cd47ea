resource "aws_security_group" "cluster" {
  name_prefix = "${local.name}-cluster-"
  description = "EKS cluster security group"
  vpc_id      = module.vpc.vpc_id

  dynamic "ingress" {
    for_each = { for idx, port in local.default_ports : tostring(port) => port }
    iterator = rule
    content {
      description = "allow ${rule.key}"
      from_port   = rule.value
      to_port     = rule.value
      protocol    = "tcp"
      cidr_blocks = [var.vpc_cidr]
    }
  }

  ingress {
    description     = "nodes to API"
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    security_groups = [aws_security_group.node.id]
  }

  egress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }

  lifecycle { create_before_destroy = true }
}

resource "aws_security_group" "node" {
  name_prefix = "${local.name}-node-"
  vpc_id      = module.vpc.vpc_id

  tags = merge(local.common_tags, { "karpenter.sh/discovery" = local.name })
}

resource "aws_security_group" "endpoints" {
  name   = "${local.name}-vpce"
  vpc_id = module.vpc.vpc_id
}

resource "aws_security_group_rule" "node_ingress_self" {
  type                     = "ingress"
  from_port                = 0
  to_port                  = 65535
  protocol                 = "-1"
  security_group_id        = aws_security_group.node.id
  source_security_group_id = aws_security_group.node.id
  description              = "node to node, all ports"
}

resource "aws_security_group_rule" "nodeport" {
  count             = local.is_prod ? 0 : 1
  type              = "ingress"
  from_port         = 30000
  to_port           = 32767
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8"]
  security_group_id = aws_security_group.node.id
}
