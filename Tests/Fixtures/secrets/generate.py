#!/usr/bin/env python3
"""Writes Tests/Fixtures/secrets/planted: a content project with planted secrets in every form eksdoc withholds
(AKIA/ASIA key pairs, Kubernetes Secret data, env values named like passwords, db_password in tfvars, a sensitive
variable, certificate data, private keys, a JSON web token), and planted.txt: one distinctive string per line that
must appear in no output file. Run it from this folder to regenerate; the files are committed."""
import base64
import json
import os

AKIA = "AKIAPLANTED7EXAMPLEK"
AKIA_SECRET = "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"
ASIA = "ASIAPLANTED7SESSIONK"
ASIA_SECRET = "tUvWxYzPLANTEDsessionSecretValue0123456"
SESSION_TOKEN = "FwoGZXIvYXdzEPLANTEDsessionTOKENvalueAAAA"
DB_PASSWORD = "Hunter2-Planted-Pw"
TFVARS_PASSWORD = "TfvarsPlantedPassw0rd!"
SENSITIVE = "PlantedSensitiveToken42"
API_KEY = "planted-api-key-9f8e7d"
CLIENT_SECRET = "planted-client-secret-5a4b"
SECRET_PLAIN = "super-secret-db-pass"
SECRET_B64 = base64.b64encode(SECRET_PLAIN.encode()).decode()
STRING_DATA = "tok_live_PLANTEDstringDATA"
CA_DATA = base64.b64encode(b"-----BEGIN CERTIFICATE-----\nMIIPLANTEDcertificateAUTHORITY\n-----END CERTIFICATE-----\n").decode()
PEM_BODY = "MIIEplantedPRIVATEkeyBODYxyz"
PEM = "-----BEGIN RSA PRIVATE KEY-----\n" + PEM_BODY + "\n-----END RSA PRIVATE KEY-----"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkIn0.cGxhbnRlZFNpZ25hdHVyZQ"

PLANTED = [AKIA, AKIA_SECRET, ASIA, ASIA_SECRET, SESSION_TOKEN, DB_PASSWORD, TFVARS_PASSWORD, SENSITIVE, API_KEY,
           CLIENT_SECRET, SECRET_PLAIN, SECRET_B64, STRING_DATA, CA_DATA[:40], "MIIPLANTEDcertificateAUTHORITY", PEM_BODY,
           JWT]


def write(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def q(text):
    """A JSON string, which is also a valid YAML double-quoted scalar."""
    return json.dumps(text)


ROOT = "planted"
VPC = "vpc-0feedfacecafe0001"
write(f"{ROOT}/eksdoc.yml", "title: Planted secrets\nenvironments:\n  prod:\n    region: eu-west-1\n    sources: [aws, k8s, tf]\n")
write(f"{ROOT}/aws/ec2-describe-vpcs.json", json.dumps({"Vpcs": [{
    "VpcId": VPC, "CidrBlock": "10.30.0.0/16", "State": "available",
    "Tags": [{"Key": "Name", "Value": "prod"}, {"Key": "deploy-key", "Value": AKIA},
             {"Key": "bootstrap", "Value": PEM}]}]}, indent=2))
write(f"{ROOT}/aws/ec2-describe-subnets.json", json.dumps({"Subnets": [{
    "SubnetId": "subnet-0feedfacecafe0001", "VpcId": VPC, "CidrBlock": "10.30.0.0/20", "AvailabilityZone": "eu-west-1a",
    "AvailableIpAddressCount": 4000, "State": "available",
    "Tags": [{"Key": "Name", "Value": "private-a"}, {"Key": "note", "Value": AKIA_SECRET}]}]}, indent=2))
write(f"{ROOT}/aws/ec2-describe-instances.json", json.dumps({"Reservations": [{"Instances": [{
    "InstanceId": "i-0feedfacecafe0001", "InstanceType": "m5.large", "PrivateIpAddress": "10.30.1.10",
    "SubnetId": "subnet-0feedfacecafe0001", "VpcId": VPC, "State": {"Name": "running"},
    "SecurityGroups": [],
    "Tags": [{"Key": "Name", "Value": "worker"}, {"Key": "AWS_SECRET_ACCESS_KEY", "Value": AKIA_SECRET},
             {"Key": "session", "Value": JWT}]}]}]}, indent=2))
write(f"{ROOT}/aws/eks-describe-cluster.json", json.dumps({"cluster": {
    "name": "prod", "version": "1.31", "status": "ACTIVE", "arn": "arn:aws:eks:eu-west-1:111122223333:cluster/prod",
    "certificateAuthority": {"data": CA_DATA},
    "resourcesVpcConfig": {"vpcId": VPC, "subnetIds": ["subnet-0feedfacecafe0001"], "endpointPublicAccess": False,
                           "endpointPrivateAccess": True},
    "kubernetesNetworkConfig": {"serviceIpv4Cidr": "172.20.0.0/16"},
    "tags": {"ci-token": SESSION_TOKEN}}}, indent=2))

write(f"{ROOT}/k8s/app.yaml", "\n".join([
    "apiVersion: v1", "kind: Secret", "metadata: {name: db, namespace: shop}", "type: Opaque",
    "data:", "  password: " + SECRET_B64, "stringData:", "  apiToken: " + STRING_DATA,
    "---",
    "apiVersion: v1", "kind: ConfigMap", "metadata: {name: settings, namespace: shop}", "data:",
    "  aws_credentials: " + q("[default]\naws_access_key_id = " + ASIA + "\naws_secret_access_key = " + ASIA_SECRET),
    "  tls.key: " + q(PEM), "  LOG_LEVEL: info",
    "---",
    "apiVersion: apps/v1", "kind: Deployment", "metadata: {name: api, namespace: shop}",
    "spec:", "  replicas: 1", "  selector: {matchLabels: {app: api}}", "  template:",
    "    metadata: {labels: {app: api}}", "    spec:", "      containers:", "        - name: api",
    "          image: example/api:1.0", "          env:",
    "            - {name: DB_PASSWORD, value: " + q(DB_PASSWORD) + "}",
    "            - {name: API_KEY, value: " + q(API_KEY) + "}",
    "            - {name: OAUTH_CLIENT_SECRET, value: " + q(CLIENT_SECRET) + "}",
    "            - {name: AWS_ACCESS_KEY_ID, value: " + q(AKIA) + "}",
    "            - {name: AWS_SESSION_TOKEN, value: " + q(SESSION_TOKEN) + "}",
    "            - {name: FEATURE_FLAG, value: " + q(JWT) + "}",
    "            - {name: LOG_LEVEL, value: info}", ""]))

write(f"{ROOT}/tf/variables.tf", "\n".join([
    'variable "db_password" {', "  type = string", "}",
    'variable "master_token" {', "  type      = string", "  sensitive = true", "}",
    'variable "cluster_name" {', "  type = string", "}", ""]))
write(f"{ROOT}/tf/terraform.tfvars", "\n".join([
    'cluster_name = "prod"', "db_password  = " + q(TFVARS_PASSWORD), "master_token = " + q(SENSITIVE),
    "aws_access_key_id = " + q(AKIA), "extra_tags = {", "  owner = \"platform\"", "  signing = " + q(ASIA), "}", ""]))

write("planted.txt", "# One planted secret per line (generated by generate.py); none may appear in any output.\n"
      + "\n".join(PLANTED) + "\n")
