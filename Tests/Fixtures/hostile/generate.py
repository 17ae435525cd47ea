#!/usr/bin/env python3
"""Writes Tests/Fixtures/hostile/markup: a content project with script and markup payloads in every place eksdoc
publishes text (eksdoc.yml, AWS CLI tags/names/descriptions, Kubernetes metadata and specs, tfvars, a hand-written
page). Run it from this folder to regenerate; the files are committed so a reviewer can read them."""
import json
import os

P1 = "<script>window.__pwned=1;alert(1)</script>"
P2 = '<img src=x onerror="window.__pwned=2">'
P3 = '"><svg onload=window.__pwned=3>'
P4 = "javascript:window.__pwned=4"
P5 = ']]><!-- --><iframe src="javascript:alert(5)"></iframe>'
P6 = "{{#x}}{{{y}}} | cell | `tick` *em* [link](javascript:alert(6))"


def yaml_single(text):
    """A YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


def hcl_string(text):
    """An HCL quoted string (template sequences escaped too)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("${", "$${").replace("%{", "%%{") + '"'


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


ROOT = "markup"
VPC = "vpc-0a1b2c3d4e5f60718"
SUBNETS = [("subnet-0a1b2c3d4e5f60710", "us-east-1a", "10.20.0.0/20", P2),
           ("subnet-0a1b2c3d4e5f60711", "us-east-1b", "10.20.16.0/20", P5)]

write(f"{ROOT}/eksdoc.yml", "\n".join([
    "# Hostile text in every place eksdoc publishes it (issue 8): the built HTML, SVG and Markdown show it as text.",
    "title: " + yaml_single("Docs " + P1),
    "environments:",
    "  dev:",
    "    region: us-east-1",
    "    description: " + yaml_single(P2 + " " + P6),
    "    sources: [aws, k8s, tf]",
    ""]))

write(f"{ROOT}/aws/ec2-describe-vpcs.json", json.dumps({"Vpcs": [{
    "VpcId": VPC, "CidrBlock": "10.20.0.0/16", "State": "available",
    "Tags": [{"Key": "Name", "Value": P1}, {"Key": "Owner", "Value": P3}]}]}, indent=2))
write(f"{ROOT}/aws/ec2-describe-subnets.json", json.dumps({"Subnets": [{
    "SubnetId": sid, "VpcId": VPC, "CidrBlock": cidr, "AvailabilityZone": az, "AvailableIpAddressCount": 4000,
    "MapPublicIpOnLaunch": False, "State": "available",
    "Tags": [{"Key": "Name", "Value": name}, {"Key": "kubernetes.io/role/internal-elb", "Value": "1"}]}
    for sid, az, cidr, name in SUBNETS]}, indent=2))
write(f"{ROOT}/aws/ec2-describe-route-tables.json", json.dumps({"RouteTables": [{
    "RouteTableId": "rtb-0a1b2c3d4e5f60718", "VpcId": VPC,
    "Associations": [{"Main": True, "RouteTableId": "rtb-0a1b2c3d4e5f60718",
                      "RouteTableAssociationId": "rtbassoc-0a1b2c3d4e5f60718"}],
    "Routes": [{"DestinationCidrBlock": "10.20.0.0/16", "GatewayId": "local", "State": "active"}],
    "Tags": [{"Key": "Name", "Value": P4}]}]}, indent=2))
write(f"{ROOT}/aws/ec2-describe-security-groups.json", json.dumps({"SecurityGroups": [
    {"GroupId": "sg-0a1b2c3d4e5f60718", "GroupName": P3, "Description": P1, "VpcId": VPC,
     "IpPermissions": [
         {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
          "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": P2}], "UserIdGroupPairs": []},
         {"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "IpRanges": [],
          "UserIdGroupPairs": [{"GroupId": "sg-0a1b2c3d4e5f60719", "Description": P5}]}],
     "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": P6}]}],
     "Tags": [{"Key": "Name", "Value": P4}]},
    {"GroupId": "sg-0a1b2c3d4e5f60719", "GroupName": "nodes", "Description": P6, "VpcId": VPC,
     "IpPermissions": [{"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": "sg-0a1b2c3d4e5f60719"}], "IpRanges": []}],
     "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}],
     "Tags": [{"Key": "Name", "Value": P2}]}]}, indent=2))
write(f"{ROOT}/aws/eks-describe-cluster.json", json.dumps({"cluster": {
    "name": "dev-cluster", "version": "1.31", "status": "ACTIVE",
    "arn": "arn:aws:eks:us-east-1:111122223333:cluster/dev-cluster",
    "resourcesVpcConfig": {"vpcId": VPC, "subnetIds": [s[0] for s in SUBNETS],
                           "securityGroupIds": ["sg-0a1b2c3d4e5f60718"], "clusterSecurityGroupId": "sg-0a1b2c3d4e5f60719",
                           "endpointPublicAccess": True, "endpointPrivateAccess": True,
                           "publicAccessCidrs": ["0.0.0.0/0"]},
    "kubernetesNetworkConfig": {"serviceIpv4Cidr": "172.20.0.0/16", "ipFamily": "ipv4"},
    "tags": {"team": P1, "note": P6}}}, indent=2))
write(f"{ROOT}/aws/eks-describe-nodegroup.json", json.dumps({"nodegroup": {
    "nodegroupName": "workers", "clusterName": "dev-cluster", "status": "ACTIVE", "capacityType": "ON_DEMAND",
    "instanceTypes": ["m5.large"], "scalingConfig": {"minSize": 1, "maxSize": 3, "desiredSize": 2},
    "subnets": [s[0] for s in SUBNETS], "labels": {"role": P2}, "tags": {"Name": P3}}}, indent=2))

write(f"{ROOT}/k8s/app.yaml", "\n".join([
    "apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: shop", "  namespace: web",
    "  labels: {app: shop}", "  annotations:", "    description: " + yaml_single(P1 + " " + P2),
    "spec:", "  replicas: 2", "  selector:", "    matchLabels: {app: shop}", "  template:", "    metadata:",
    "      labels: {app: shop}", "    spec:", "      containers:", "        - name: web",
    "          image: " + yaml_single("nginx:1.27 " + P3), "          ports: [{containerPort: 8080}]",
    "          env:", "            - name: GREETING", "              value: " + yaml_single(P5),
    "---", "apiVersion: v1", "kind: Service", "metadata:", "  name: shop", "  namespace: web", "  annotations:",
    "    note: " + yaml_single(P6), "spec:", "  type: ClusterIP", "  selector: {app: shop}",
    "  ports: [{port: 80, targetPort: 8080, name: http}]",
    "---", "apiVersion: networking.k8s.io/v1", "kind: Ingress", "metadata:", "  name: shop", "  namespace: web",
    "  annotations:", "    alb.ingress.kubernetes.io/scheme: internet-facing",
    "    alb.ingress.kubernetes.io/tags: " + yaml_single("Owner=" + P1), "spec:", "  ingressClassName: alb",
    "  rules:", "    - host: " + yaml_single(P4), "      http:", "        paths:", "          - path: /",
    "            pathType: Prefix", "            backend:", "              service: {name: shop, port: {number: 80}}",
    ""]))

write(f"{ROOT}/tf/terraform.tfvars", "\n".join([
    'cluster_name    = "dev-cluster"', 'cluster_version = "1.31"', 'region          = "us-east-1"',
    "tags = {", "  Owner   = " + hcl_string(P2), "  Purpose = " + hcl_string(P1), "}",
    "description = " + hcl_string(P5 + " " + P6), ""]))

write(f"{ROOT}/pages/notes.md", "\n".join([
    "---", "title: " + yaml_single("Notes " + P1), "weight: 1", "---", "",
    "# Notes " + P2, "", "Raw HTML is not allowed in this project, so each piece below must show as text.", "",
    P1, "", '<div onclick="window.__pwned=7">' + P2 + "</div>", "",
    "A link: [click me](javascript:window.__pwned=8) and an autolink <javascript:alert(9)>.", "",
    "![image](javascript:alert(10))", "",
    'Inline <span onmouseover="window.__pwned=11">html</span> and ' + P3 + ".", ""]))
